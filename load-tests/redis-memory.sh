#!/usr/bin/env bash
# Redis memory by key class, every N seconds while a load test runs (the replay's "Redis per live session" broken
# down): keys, bytes and bytes per key of each class, and used_memory beside them.
# Usage: load-tests/redis-memory.sh [db (3)] [every seconds (15)] [times (20)]
set -euo pipefail
DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DB=${1:-3}
EVERY=${2:-15}
TIMES=${3:-20}
for _ in $(seq 1 "$TIMES"); do
  used=$(redis-cli -n "$DB" INFO memory | awk -F: '/^used_memory:/ { print $2 }' | tr -d '\r')
  live=$(redis-cli -n "$DB" --raw EVAL "$(cat "$DIR/redis-memory.lua")" 0 | awk '
    NF == 3 { keys += $2; bytes += $3; printf "  %-12s %8d keys %10d B %6.0f B/key\n", $1, $2, $3, $3 / $2 }
    END { printf "  %-12s %8d keys %10d B\n", "all", keys, bytes }')
  echo "$(date -u +%H:%M:%S) used_memory $used"
  echo "$live"
  sleep "$EVERY"
done
