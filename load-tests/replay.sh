#!/usr/bin/env bash
# The Ramadan replay: 40 million clicks (one edition's total) played through the public API by simulated players —
# real 10-second sessions with human-like taps, the page's batching (a batch every 2 s and one at the end, retried),
# proof of work at its minimum — until every acknowledged click is in the PostgreSQL ledger. Prints elapsed time,
# clicks/s, session starts/s, p50/p99 per endpoint, ledger lag p99, Redis memory per live session and the app's RSS;
# draws throughput and latency over time in replay.html.
#
# Usage: load-tests/replay.sh [--no-build]
# Settings (environment): REPLAY_CLICKS (40000000) REPLAY_PLAYERS (12000 at once) REPLAY_CONNECTIONS (256)
#   REPLAY_PORT (8091) REPLAY_DB (clickgive_replay) REPLAY_REDIS_DB (3) REPLAY_LEDGER_WAIT (600 s)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
NAME=replay
BUILD=1
for arg in "$@"; do
  case "$arg" in
    --no-build) BUILD=0 ;;
    -h|--help) sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown argument: $arg (see --help)" >&2; exit 2 ;;
  esac
done
CLICKS=${REPLAY_CLICKS:-40000000}
PLAYERS=${REPLAY_PLAYERS:-12000}
CONNECTIONS=${REPLAY_CONNECTIONS:-256}
PORT=${REPLAY_PORT:-8091}
DB=${REPLAY_DB:-clickgive_replay}
REDIS_DB=${REPLAY_REDIS_DB:-3}
LEDGER_WAIT=${REPLAY_LEDGER_WAIT:-600}
WORK=$(mktemp -d /tmp/clickgive-replay.XXXXXX)
# shellcheck source=load-tests/lib.sh
. "$ROOT/load-tests/lib.sh"
trap 'stop_app; log "Logs and raw outputs: $WORK"' EXIT

build_unless "$BUILD"
fresh_data
start_app
SLUG="ramadan-$(date -u +%Y%m%d%H%M%S)"
ID=$(create_campaign "$SLUG")
log "Campaign $SLUG (id $ID) is live; $CLICKS taps to play, up to $PLAYERS players at once"

T0=$(date +%s%N)
players "$SLUG" "$ID" clicks="$CLICKS" players="$PLAYERS" connections="$CONNECTIONS" >"$WORK/figures.txt" \
  2> >(tee "$WORK/players.log" >&2) || die "the players failed"
PLAYED_MS=$(( ($(date +%s%N) - T0) / 1000000 ))
ACK=$(kv "$WORK/figures.txt" acknowledged)
log "Played in $PLAYED_MS ms; $ACK clicks acknowledged; waiting for the ledger"
DRAIN_MS=$(await_ledger "$ID" "$ACK" "$LEDGER_WAIT") || true
[ "$(ledger_clicks "$ID")" = "$ACK" ] || die "the ledger holds $(ledger_clicks "$ID") clicks, not the $ACK acknowledged"
TOTAL_MS=$((PLAYED_MS + DRAIN_MS))
REDIS_KEYS=$("${RCLI[@]}" DBSIZE)

{
  echo "==================== clickgive Ramadan replay — $(date -u +%Y-%m-%dT%H:%M:%SZ) ===================="
  echo "machine: $(nproc) cores; app: java -Xmx512m ParallelGC; players: $PLAYERS at once, $CONNECTIONS connections"
  awk -v total="$TOTAL_MS" -v played="$PLAYED_MS" -v drain="$DRAIN_MS" '
    { i = index($0, "="); v[substr($0, 1, i - 1)] = substr($0, i + 1) }
    END {
      printf "elapsed              %.1f s until every acknowledged click was in the ledger (played %.1f s, ledger caught up %.1f s later)\n", total / 1000, played / 1000, drain / 1000
      printf "clicks               %s acknowledged of %s taps played (%s refused by the guard or the cap: %s; %s never delivered)\n", v["acknowledged"], v["taps_played"], v["rejected"], v["reasons"], v["undelivered"]
      printf "clicks/s             %.0f (whole run, ledger included)   target: 40 000 000 in <= 120 s = 333 333/s\n", v["acknowledged"] / (total / 1000)
      printf "session starts/s     %.0f (%s sessions, %s refused; %s challenges asked)\n", v["sessions"] / (played / 1000), v["sessions"], v["sessions_refused"], v["challenges"]
      printf "latency              challenge p50 %s / p99 %s ms; session p50 %s / p99 %s ms; batch p50 %s / p99 %s ms\n", v["challenge_p50_ms"], v["challenge_p99_ms"], v["session_p50_ms"], v["session_p99_ms"], v["batch_p50_ms"], v["batch_p99_ms"]
      printf "ledger lag           p99 %s ms, max %s ms (age of the oldest batch not yet in PostgreSQL, sampled each second)\n", v["ledger_lag_p99_ms"], v["ledger_lag_max_ms"]
      printf "Redis                %s bytes per live session (median over the seconds with 1 000+ sessions in play)\n", v["redis_bytes_per_live_session"]
      printf "app RSS              %s MB at most\n", v["app_rss_max_mb"]
      printf "errors               %s network errors or 5xx (each retried: %s retries)\n", v["errors"], v["retries"]
    }' "$WORK/figures.txt"
  echo "ledger               $(ledger_clicks "$ID") clicks recorded = $ACK acknowledged: OK; Redis keys at the end: $REDIS_KEYS"
  echo "chart                $WORK/replay.html (per second: $WORK/replay.csv)"
  echo "=========================================================================================================="
} | tee "$WORK/summary.txt"
