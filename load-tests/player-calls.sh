#!/usr/bin/env bash
# The players' own calls under attack: one identity, minted once, reused as fast as 8 connections send on the calls
# that query PostgreSQL (POST /api/players/me, …/teams/mine, …/teams/leave; load-tests/player-reads.py). ABBA: A with
# the per-player budget out of the way (clickgive.guard.player-calls-per-minute=100000000), B with the default (30);
# the app restarted for each turn. Prints, per turn, the answers by status and the service's PostgreSQL transactions
# per second, then the B/A ratio of transactions.
#
# Usage: load-tests/player-calls.sh [--no-build]
# Settings (environment): TURN_SECONDS (20) THREADS (8) IDENTITIES (1) CALLS_PORT (8096) CALLS_DB (clickgive_calls)
#   CALLS_REDIS_DB (6)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
NAME=calls
BUILD=1
for arg in "$@"; do
  case "$arg" in
    --no-build) BUILD=0 ;;
    -h|--help) sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown argument: $arg (see --help)" >&2; exit 2 ;;
  esac
done
TURN_SECONDS=${TURN_SECONDS:-20}
THREADS=${THREADS:-8}
IDENTITIES=${IDENTITIES:-1}
PORT=${CALLS_PORT:-8096}
DB=${CALLS_DB:-clickgive_calls}
REDIS_DB=${CALLS_REDIS_DB:-6}
WORK=$(mktemp -d /tmp/clickgive-calls.XXXXXX)
# shellcheck source=load-tests/lib.sh
. "$ROOT/load-tests/lib.sh"
trap 'stop_app; log "Logs and raw outputs: $WORK"' EXIT

build_app "$BUILD"
need python3
fresh_data
declare -A TX
for turn in A B B A; do
  budget=30
  [ "$turn" = A ] && budget=100000000
  start_app "-Dclickgive.guard.player-calls-per-minute=$budget"
  SLUG="calls-$(date +%s%N | cut -c1-13)"
  create_campaign "$SLUG" >/dev/null
  line=$(python3 "$ROOT/load-tests/player-reads.py" "$BASE" "$SLUG" "$TURN_SECONDS" "$THREADS" "$IDENTITIES" "$DB")
  stop_app
  echo "turn $turn (budget $budget a minute): $line"
  tx=$(sed -E 's/.*pg_tx_per_s=([0-9]+).*/\1/' <<<"$line")
  TX[$turn]=$(( ${TX[$turn]:-0} + tx ))
done
echo "PostgreSQL transactions per second, B (budget 30) / A (no budget): $(ratio "${TX[B]}" "${TX[A]}" 3)"
