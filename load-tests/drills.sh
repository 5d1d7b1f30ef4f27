#!/usr/bin/env bash
# Fault drills on loopback, each under the simulated players' load (replay/Replay.java), each printing its figures:
#   kill      kill -9 of the app 20 s into the load, restarted at once: 0 acknowledged clicks may be lost
#   postgres  PostgreSQL stopped for 60 s under load: clicks still accepted, 0 lost once it is back
#   redis     Redis killed (-9) and restarted under load, once with AOF (everysec) and once without: counters rebuilt
#             from the ledger by a reconcile, and the acknowledged clicks that did not reach the ledger counted
#   shed      PostgreSQL stopped until the ledger backlog passes its bound (set low here: SHED_BOUND, 20 000 batches):
#             new sessions refused (503) while rounds in play keep counting, the backlog bounded, back on its own
# "Acknowledged" is what the players were told was accepted (answers 200); the ledger must hold exactly that, except
# in the redis drill, which measures the loss. Clicks whose batch never got an answer before the session's grace ended
# were never acknowledged: they are shown apart ("never delivered").
#
# Usage: load-tests/drills.sh [--no-build] [kill] [postgres] [redis] [shed]   (default: all four)
# Settings (environment): DRILL_PLAYERS (3000) DRILL_SECONDS (50: sessions start for this long) DRILL_PORT (8092)
#   DRILL_DB (clickgive_drill) DRILL_REDIS_DB (4) DRILL_REDIS_PORT (6391: the redis drill's own server)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
NAME=drill
BUILD=1
DRILLS=()
for arg in "$@"; do
  case "$arg" in
    --no-build) BUILD=0 ;;
    kill|postgres|redis|shed) DRILLS+=("$arg") ;;
    -h|--help) sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown argument: $arg (see --help)" >&2; exit 2 ;;
  esac
done
[ ${#DRILLS[@]} -gt 0 ] || DRILLS=(kill postgres redis shed)
PLAYERS=${DRILL_PLAYERS:-3000}
SECONDS_OF_LOAD=${DRILL_SECONDS:-50}
PORT=${DRILL_PORT:-8092}
DB=${DRILL_DB:-clickgive_drill}
REDIS_DB=${DRILL_REDIS_DB:-4}
DRILL_REDIS_PORT=${DRILL_REDIS_PORT:-6391}
SHED_BOUND=${SHED_BOUND:-20000}
WORK=$(mktemp -d /tmp/clickgive-drill.XXXXXX)
# shellcheck source=load-tests/lib.sh
. "$ROOT/load-tests/lib.sh"
PG_CLUSTER=$(ls /etc/postgresql)
REDIS_PID=""
cleanup() {
  stop_app
  pg_ctlcluster --skip-systemctl-redirect "$PG_CLUSTER" main start >/dev/null 2>&1 || true
  [ -z "$REDIS_PID" ] || kill -9 "$REDIS_PID" 2>/dev/null || true
  log "Logs and raw outputs: $WORK"
}
trap cleanup EXIT

waiting_batches() { # $1 = campaign id: batches in its ledger streams
  "${RCLI[@]}" EVAL "local n = 0 for s = 0, 7 do n = n + redis.call('XLEN', 'cg:{c' .. ARGV[1] .. '.s' .. s .. '}:ledger') end return n" 0 "$1"
}

# Players in the background for SECONDS_OF_LOAD s; their figures go to $WORK/$1.txt.
load() { # $1 = name, $2 = slug, $3 = campaign id
  players "$2" "$3" clicks=1000000000 players="$PLAYERS" seconds="$SECONDS_OF_LOAD" connections=128 acks="$WORK/$1.acks" \
    >"$WORK/$1.txt" 2>"$WORK/$1.players.log" &
  LOAD_PID=$!
}

report() { # $1 = drill, $2 = campaign id, $3 = what happened
  local ack drained recorded check
  ack=$(kv "$WORK/$1.txt" acknowledged)
  drained=$(await_ledger "$2" "$ack" 180 || true)
  recorded=$(ledger_clicks "$2")
  check=$(ledger_check "$2" "$WORK/$1.acks")
  LAST_MISSING=${check%% *}
  {
    echo "---- drill: $1 ----"
    echo "what happened        $3"
    echo "played               $(kv "$WORK/$1.txt" taps_played) taps in $(kv "$WORK/$1.txt" sessions) sessions; $(kv "$WORK/$1.txt" errors) errors seen by the players, $(kv "$WORK/$1.txt" retries) retries"
    echo "acknowledged         $ack clicks in $(wc -l <"$WORK/$1.acks") batches; never delivered (no answer before the grace ended): $(kv "$WORK/$1.txt" undelivered); refused: $(kv "$WORK/$1.txt" rejected) $(kv "$WORK/$1.txt" reasons)"
    echo "ledger               $recorded clicks ($( [ "$drained" = timeout ] && echo "still growing after 180 s" || echo "settled ${drained} ms after the load"))"
    echo "  acknowledged batches missing from the ledger: $LAST_MISSING; ledger batches never acknowledged (answer lost in the fault): ${check##* }"
    echo "batch latency        p50 $(kv "$WORK/$1.txt" batch_p50_ms) ms, p99 $(kv "$WORK/$1.txt" batch_p99_ms) ms"
  } | tee -a "$WORK/summary.txt"
}

drill_kill() {
  fresh_data
  start_app
  local slug="drill-kill-$(date +%s)" id
  id=$(create_campaign "$slug")
  load kill "$slug" "$id"
  sleep 20
  log "kill -9 of the app (pid $APP_PID) under load"
  kill -9 "$APP_PID"
  wait "$APP_PID" 2>/dev/null || true
  local t0=$(date +%s%N)
  start_app
  local down=$(( ($(date +%s%N) - t0) / 1000000 ))
  wait "$LOAD_PID" || true
  report kill "$id" "app killed (-9) 20 s into the load, back and ready ${down} ms later"
  [ "$LAST_MISSING" = 0 ] || log "FAILED: $LAST_MISSING acknowledged clicks are not in the ledger"
  stop_app
}

drill_postgres() {
  fresh_data
  start_app
  local slug="drill-pg-$(date +%s)" id
  id=$(create_campaign "$slug")
  SECONDS_OF_LOAD=$((SECONDS_OF_LOAD + 60)) load postgres "$slug" "$id"
  sleep 15
  local before=$(ledger_clicks "$id")
  log "Stopping PostgreSQL for 60 s under load"
  pg_ctlcluster --skip-systemctl-redirect "$PG_CLUSTER" main stop -m fast
  sleep 60
  local streams
  streams=$(waiting_batches "$id")
  pg_ctlcluster --skip-systemctl-redirect "$PG_CLUSTER" main start
  log "PostgreSQL is back; $streams batches were waiting in the ledger streams"
  wait "$LOAD_PID" || true
  report postgres "$id" "PostgreSQL stopped 15 s into the load for 60 s (ledger then at $before clicks; $streams batches queued in Redis meanwhile)"
  [ "$LAST_MISSING" = 0 ] || log "FAILED: $LAST_MISSING acknowledged clicks are not in the ledger"
  stop_app
}

shedding() { # 1 while the app refuses new sessions, from its gauge on the management port
  curl -s -m 2 "http://$HOST:$((PORT + 1000))/q/metrics" | awk '$1 == "clickgive_ledger_shedding" { print int($2) }'
}

drill_shed() {
  fresh_data
  start_app -Dclickgive.ledger.shed-backlog="$SHED_BOUND"
  local slug="drill-shed-$(date +%s)" id
  id=$(create_campaign "$slug")
  SECONDS_OF_LOAD=$((SECONDS_OF_LOAD + 60)) load shed "$slug" "$id"
  sleep 15
  log "Stopping PostgreSQL until the ledger backlog passes $SHED_BOUND batches, then 20 s more"
  pg_ctlcluster --skip-systemctl-redirect "$PG_CLUSTER" main stop -m fast
  local t0 shed_at="" peak=0 n at_shed=0 back=""
  t0=$(date +%s)
  while [ $(( $(date +%s) - t0 )) -lt 150 ]; do
    n=$(waiting_batches "$id")
    [ "$n" -le "$peak" ] || peak=$n
    if [ -z "$shed_at" ] && [ "$(shedding)" = 1 ]; then shed_at=$(( $(date +%s) - t0 )); at_shed=$n; fi
    if [ -n "$shed_at" ] && [ $(( $(date +%s) - t0 - shed_at )) -ge 20 ]; then break; fi
    sleep 1
  done
  pg_ctlcluster --skip-systemctl-redirect "$PG_CLUSTER" main start
  t0=$(date +%s)
  while [ $(( $(date +%s) - t0 )) -lt 120 ]; do
    if [ "$(shedding)" = 0 ]; then back=$(( $(date +%s) - t0 )); break; fi
    sleep 1
  done
  log "PostgreSQL is back; sessions granted again after ${back:-more than 120} s"
  wait "$LOAD_PID" || true
  report shed "$id" "PostgreSQL stopped 15 s into the load; shedding ${shed_at:-never} s later at $at_shed waiting batches (bound $SHED_BOUND); backlog peak $peak batches over the 20 s of shedding; sessions granted again ${back:-never} s after PostgreSQL returned; sessions refused meanwhile $(kv "$WORK/shed.txt" sessions_refused)"
  [ "$LAST_MISSING" = 0 ] || log "FAILED: $LAST_MISSING acknowledged clicks are not in the ledger"
  [ -n "$shed_at" ] && [ -n "$back" ] || log "FAILED: shedding did not start and end as it should"
  stop_app
}

# The redis drill runs its own Redis (the machine's keeps nothing on disk), with or without an append-only file.
redis_server() { # $1 = yes|no (appendonly)
  mkdir -p "$WORK/redis-$1"
  redis-server --port "$DRILL_REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly "$1" --appendfsync everysec \
    --dir "$WORK/redis-$1" --daemonize no --logfile "$WORK/redis-$1.log" &
  REDIS_PID=$!
  await_redis "$DRILL_REDIS_PORT" || die "the drill's Redis did not start"
}

drill_redis() { # $1 = yes|no (appendonly)
  redis_server "$1"
  local saved_rcli=("${RCLI[@]}")
  RCLI=(redis-cli -h "$HOST" -p "$DRILL_REDIS_PORT" -n 0)
  fresh_db
  start_app -Dquarkus.redis.hosts="redis://$HOST:$DRILL_REDIS_PORT/0"
  local slug="drill-redis-$1-$(date +%s)" id
  id=$(create_campaign "$slug")
  PLAYERS_REDIS="-h $HOST -p $DRILL_REDIS_PORT -n 0" # the players' sampler reads the drill's Redis
  load "redis-$1" "$slug" "$id"
  sleep 20
  local counted_before
  counted_before=$(live_clicks "$slug")
  log "kill -9 of Redis (appendonly $1) under load, then restart"
  kill -9 "$REDIS_PID"
  wait "$REDIS_PID" 2>/dev/null || true
  redis_server "$1"
  sleep 2
  curl -s -u "admin:$ADMIN_PASSWORD" -X POST "$BASE/api/manage/campaigns/$slug/reconcile" >"$WORK/reconcile-$1.json"
  wait "$LOAD_PID" || true
  report "redis-$1" "$id" "Redis (appendonly $1, fsync every second) killed 20 s into the load (counters then at $counted_before clicks) and restarted; reconcile: $(head -c 300 "$WORK/reconcile-$1.json")"
  local live
  curl -s -u "admin:$ADMIN_PASSWORD" -X POST "$BASE/api/manage/campaigns/$slug/reconcile" >"$WORK/reconcile-$1-end.json"
  live=$(live_clicks "$slug")
  echo "counters after a final reconcile: $live clicks (ledger: $(ledger_clicks "$id"))" | tee -a "$WORK/summary.txt"
  stop_app
  kill -9 "$REDIS_PID" 2>/dev/null || true
  wait "$REDIS_PID" 2>/dev/null || true
  REDIS_PID=""
  RCLI=("${saved_rcli[@]}")
  unset PLAYERS_REDIS
}

build_unless "$BUILD"
for drill in "${DRILLS[@]}"; do
  log "Drill: $drill"
  case "$drill" in
    kill) drill_kill ;;
    postgres) drill_postgres ;;
    redis) drill_redis yes; drill_redis no ;;
    shed) drill_shed ;;
  esac
done
echo "==================== clickgive fault drills — $(date -u +%Y-%m-%dT%H:%M:%SZ) ===================="
cat "$WORK/summary.txt"
