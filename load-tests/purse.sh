#!/usr/bin/env bash
# The purse drill: a sponsor's purse of a few thousand clicks spent by many players through two app instances on a
# 3-node Redis Cluster (the purse's central key and the 8 counter shards on different slots, so on different nodes).
# The live total is sampled throughout; at the end the ledger's megabytes must equal the purse exactly, never more, and
# every click a player was told counted must be in the ledger.
#
# Usage: load-tests/purse.sh [--no-build]
# Settings (environment): PURSE_PLAYERS (2000) PURSE_SECONDS (40) PURSE_MEGABYTES (30000: 3 000 clicks of 10 MB)
#   PURSE_DB (clickgive_purse) PURSE_PORTS (7111 7112 7113) PURSE_APP_PORTS (8095 8096)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
NAME=purse
BUILD=1
[ "${1:-}" = "--no-build" ] && BUILD=0
PLAYERS=${PURSE_PLAYERS:-2000}
SECONDS_OF_LOAD=${PURSE_SECONDS:-40}
PURSE=${PURSE_MEGABYTES:-30000}
DB=${PURSE_DB:-clickgive_purse}
read -r -a NODES <<<"${PURSE_PORTS:-7111 7112 7113}"
read -r -a APP_PORTS <<<"${PURSE_APP_PORTS:-8095 8096}"
PORT=${APP_PORTS[0]}
REDIS_DB=0
WORK=$(mktemp -d /tmp/clickgive-purse.XXXXXX)
# shellcheck source=load-tests/lib.sh
. "$ROOT/load-tests/lib.sh"
NODE_PIDS=()
APP_PIDS=()
cleanup() {
  for pid in "${APP_PIDS[@]}" "${NODE_PIDS[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  [ -n "${SAMPLER:-}" ] && kill "$SAMPLER" 2>/dev/null || true
  log "Logs and raw outputs: $WORK"
}
trap cleanup EXIT

build_unless "$BUILD"
start_redis_cluster

fresh_db
start_cluster_apps
SLUG="purse-$(date +%s)"
ID=$(create_campaign "$SLUG")
code=$(curl -s -m 10 -u "admin:$ADMIN_PASSWORD" -o "$WORK/sponsor.json" -w '%{http_code}' -H 'Content-Type: application/json' \
  -X PUT -d "{\"name\":\"Drill Telecom\",\"purseMegabytes\":$PURSE}" "$BASE/api/manage/campaigns/$SLUG/sponsor")
[ "$code" = 200 ] || die "setting the purse answered $code: $(cat "$WORK/sponsor.json")"
log "Campaign $SLUG (id $ID), a purse of $PURSE MB; $PLAYERS players on $BASES for $SECONDS_OF_LOAD s"

# The live total, from both instances in turn, every 200 ms: it must never pass the purse.
(
  set +e
  highest=0 n=0
  while :; do
    for base in ${BASES//,/ }; do
      mb=$(curl -s -m 2 "$base/api/campaigns/$SLUG/totals" | grep -o '"megabytes":[0-9]*' | head -1 | cut -d: -f2)
      if [ -n "$mb" ]; then
        n=$((n + 1))
        if [ "$mb" -gt "$highest" ]; then highest=$mb; fi
      fi
      printf 'highest=%s\nsamples=%s\n' "$highest" "$n" >"$WORK/live.txt"
    done
    sleep 0.2
  done
) &
SAMPLER=$!
APP_PID="" PLAYERS_REDIS="-c -p ${NODES[0]}" BASE="$BASES" \
  players "$SLUG" "$ID" clicks=1000000000 players="$PLAYERS" seconds="$SECONDS_OF_LOAD" connections=64 \
  >"$WORK/figures.txt" 2>"$WORK/players.log" || die "the players failed: $(tail -5 "$WORK/players.log")"
ACK=$(kv "$WORK/figures.txt" acknowledged)
DRAIN=$(await_ledger "$ID" "$ACK" 120 || true)
sleep 1
kill "$SAMPLER" 2>/dev/null || true
SAMPLER=""
RECORDED=$(ledger_clicks "$ID")
MEGABYTES=$("${PSQL[@]}" -d "$DB" -c "select coalesce(sum(megabytes), 0) from donation where campaign_id = $ID")
SPONSOR=$(curl -s -m 5 "$BASE/api/campaigns/$SLUG/sponsor")
VERDICT=OK
[ "$MEGABYTES" = "$PURSE" ] || VERDICT=FAILED
[ "$ACK" = "$RECORDED" ] || VERDICT=FAILED
[ "$(kv "$WORK/live.txt" highest)" -le "$PURSE" ] || VERDICT=FAILED
{
  echo "==================== clickgive purse drill — $(date -u +%Y-%m-%dT%H:%M:%SZ) ===================="
  echo "setup                ${#NODES[@]}-node Redis Cluster, 2 app instances; a purse of $PURSE MB; $PLAYERS players for $SECONDS_OF_LOAD s"
  echo "played               $(kv "$WORK/figures.txt" sessions) sessions, $(kv "$WORK/figures.txt" taps_played) taps; $(kv "$WORK/figures.txt" errors) errors seen by the players"
  echo "acknowledged         $ACK clicks; refused: $(kv "$WORK/figures.txt" rejected) $(kv "$WORK/figures.txt" reasons)"
  echo "ledger               $RECORDED clicks, $MEGABYTES MB (purse $PURSE MB); ${DRAIN} ms to drain"
  echo "live total           at most $(kv "$WORK/live.txt" highest) MB over $(kv "$WORK/live.txt" samples) samples"
  echo "sponsor (instance 1) $SPONSOR"
  echo "verdict              $VERDICT (ledger = purse, exactly; every acknowledged click recorded; live never above)"
  echo "======================================================================================================"
} | tee "$WORK/summary.txt"
[ "$VERDICT" = OK ]
