#!/usr/bin/env bash
# Scale-out drill: a 3-node Redis Cluster on loopback ports and 2 app instances sharing it and PostgreSQL (the Quarkus
# Redis client in cluster mode). The simulated players play through both instances (a player sticks to one, and moves
# to the other when its connection fails, as behind a load balancer); one instance is killed (-9) halfway; the other
# takes over its unfinished ledger entries. Then every acknowledged click must be in the ledger, once.
#
# Usage: load-tests/cluster.sh [--no-build]
# Settings (environment): CLUSTER_PLAYERS (3000) CLUSTER_SECONDS (45) CLUSTER_DB (clickgive_cluster)
#   CLUSTER_PORTS (7101 7102 7103) CLUSTER_APP_PORTS (8093 8094)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
NAME=cluster
BUILD=1
[ "${1:-}" = "--no-build" ] && BUILD=0
PLAYERS=${CLUSTER_PLAYERS:-3000}
SECONDS_OF_LOAD=${CLUSTER_SECONDS:-45}
DB=${CLUSTER_DB:-clickgive_cluster}
read -r -a NODES <<<"${CLUSTER_PORTS:-7101 7102 7103}"
read -r -a APP_PORTS <<<"${CLUSTER_APP_PORTS:-8093 8094}"
PORT=${APP_PORTS[0]}
REDIS_DB=0
WORK=$(mktemp -d /tmp/clickgive-cluster.XXXXXX)
# shellcheck source=load-tests/lib.sh
. "$ROOT/load-tests/lib.sh"
NODE_PIDS=()
APP_PIDS=()
cleanup() {
  for pid in "${APP_PIDS[@]}" "${NODE_PIDS[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  log "Logs and raw outputs: $WORK"
}
trap cleanup EXIT

build_unless "$BUILD"
start_redis_cluster

fresh_db
start_cluster_apps
SLUG="cluster-$(date +%s)"
ID=$(create_campaign "$SLUG")
log "Campaign $SLUG (id $ID); players on $BASES for $SECONDS_OF_LOAD s"
# The players' ledger-lag sampler reads a single node: in a cluster its script cannot see the other nodes' streams.
APP_PID="" PLAYERS_REDIS="-c -p ${NODES[0]}" BASE="$BASES" \
  players "$SLUG" "$ID" clicks=1000000000 players="$PLAYERS" seconds="$SECONDS_OF_LOAD" connections=64 \
  >"$WORK/figures.txt" 2>"$WORK/players.log" &
LOAD=$!
sleep $((SECONDS_OF_LOAD / 2))
log "kill -9 of instance 1 (port ${APP_PORTS[0]}, pid ${APP_PIDS[0]})"
kill -9 "${APP_PIDS[0]}"
wait "$LOAD" || die "the players failed: $(tail -5 "$WORK/players.log")"
ACK=$(kv "$WORK/figures.txt" acknowledged)
log "$ACK clicks acknowledged; waiting for the ledger (instance 2 takes over instance 1's pending entries after 30 s)"
DRAIN=$(await_ledger "$ID" "$ACK" 180 || true)
RECORDED=$(ledger_clicks "$ID")
SPREAD=""
for port in "${NODES[@]}"; do SPREAD="$SPREAD $port:$(redis-cli -p "$port" DBSIZE) keys"; done
LIVE=$(live_clicks "$SLUG" "http://$HOST:${APP_PORTS[1]}")
{
  echo "==================== clickgive scale-out drill — $(date -u +%Y-%m-%dT%H:%M:%SZ) ===================="
  echo "cluster              ${#NODES[@]} Redis nodes (${SPREAD# }); 2 app instances; instance 1 killed after $((SECONDS_OF_LOAD / 2)) s"
  echo "played               $(kv "$WORK/figures.txt" sessions) sessions, $(kv "$WORK/figures.txt" taps_played) taps; $(kv "$WORK/figures.txt" errors) errors seen by the players, $(kv "$WORK/figures.txt" retries) retries"
  echo "acknowledged         $ACK clicks; never delivered: $(kv "$WORK/figures.txt" undelivered); refused: $(kv "$WORK/figures.txt" rejected) $(kv "$WORK/figures.txt" reasons)"
  echo "ledger               $RECORDED clicks recorded; acknowledged but missing: $((ACK - RECORDED)) ($( [ "$DRAIN" = timeout ] && echo "still short after 180 s" || echo "complete ${DRAIN} ms after the load"))"
  echo "live counters        $LIVE clicks (instance 2's totals over the cluster)"
  echo "batch latency        p50 $(kv "$WORK/figures.txt" batch_p50_ms) ms, p99 $(kv "$WORK/figures.txt" batch_p99_ms) ms"
  echo "=========================================================================================================="
} | tee "$WORK/summary.txt"
[ "$ACK" = "$RECORDED" ] || exit 1
