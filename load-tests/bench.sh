#!/usr/bin/env bash
# Benchmark of the click path: starts the packaged app (prod profile) against local PostgreSQL and Redis, drives the
# player journey (session -> 3 batches) with wrk, and in the same run measures what it is compared with: a trivial
# endpoint of the same app (wrk), the count script alone (redis-benchmark, EVALSHA) and a naive hot-row UPDATE per click
# (pgbench). Ends with a ledger check: every click the service acknowledged must be in the PostgreSQL ledger.
#
# Usage: load-tests/bench.sh [--no-build] [--strict]
#   --no-build  use target/quarkus-app/quarkus-run.jar as it is (default: ./mvnw -B package -DskipTests first)
#   --strict    also exit non-zero when a throughput target is missed (default: only a failed check does)
# Settings (environment): BENCH_THREADS (2) BENCH_CONNECTIONS (32) BENCH_WARMUP (10 s) BENCH_DURATION (20 s)
#   BENCH_PG_DURATION (15 s) BENCH_REDIS_SECONDS (15) BENCH_PORT (8090) BENCH_DB (clickgive_bench) BENCH_REDIS_DB (2)
#   BENCH_JAVA_OPTS (JVM flags and -D config for the app, see README) BENCH_KEEP_WORKDIR (1 keeps the work directory)
# See load-tests/README.md for what each figure means.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HERE="$ROOT/load-tests"

BUILD=1
STRICT=0
for arg in "$@"; do
  case "$arg" in
    --no-build) BUILD=0 ;;
    --strict) STRICT=1 ;;
    -h|--help) sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown argument: $arg (see --help)" >&2; exit 2 ;;
  esac
done

THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
WARMUP=${BENCH_WARMUP:-10}
DURATION=${BENCH_DURATION:-20}
PG_DURATION=${BENCH_PG_DURATION:-15}
REDIS_SECONDS=${BENCH_REDIS_SECONDS:-15}
PORT=${BENCH_PORT:-8090}
DB=${BENCH_DB:-clickgive_bench}
REDIS_DB=${BENCH_REDIS_DB:-2}
# Defaults chosen for this 2-core machine; see README ("JVM and configuration").
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xms512m -Xmx512m -XX:+UseParallelGC}

HOST=127.0.0.1
BASE="http://$HOST:$PORT"
PSQL=(psql -h "$HOST" -p 5432 -U postgres -v ON_ERROR_STOP=1 -qAt)
RCLI=(redis-cli -h "$HOST" -p 6379 -n "$REDIS_DB")
SCRIPT_FILE="$ROOT/src/main/resources/redis/batch.lua"
JAR="$ROOT/target/quarkus-app/quarkus-run.jar"

WORK=$(mktemp -d /tmp/clickgive-bench.XXXXXX)
APP_PID=""
RB_PREFIX="cg:{c0.s0}" # redis-benchmark keys: campaign 0 does not exist (ids start at 1), so the app never reads them

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    log "Stopping the app (pid $APP_PID)"
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$APP_PID" 2>/dev/null; then
      log "The app did not stop within 15 s; killing it"
      kill -9 "$APP_PID" 2>/dev/null || true
    fi
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}

cleanup() {
  local rc=$?
  stop_app
  # redis-benchmark's keys, if the run stopped before it removed them
  "${RCLI[@]}" EVAL "for _, k in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('UNLINK', k) end return 1" 0 \
    "$RB_PREFIX:*" >/dev/null 2>&1 || true
  if [ "${BENCH_KEEP_WORKDIR:-0}" = 1 ] || [ "$rc" -ne 0 ]; then
    log "Work directory kept: $WORK"
  else
    rm -rf "$WORK"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------------------------------------------------------------
# Tools and services
if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "Installing wrk (Debian package)"
    timeout 300 apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive timeout 300 apt-get install -y -qq wrk >/dev/null
  else
    die "wrk is missing: apt-get install wrk"
  fi
fi
for tool in java curl psql pgbench redis-cli redis-benchmark awk sha1sum timeout; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is missing"
done
"$ROOT/bin/services" >/dev/null || die "bin/services could not bring PostgreSQL and Redis up"

if [ "$BUILD" = 1 ]; then
  log "Building: ./mvnw -B package -DskipTests (log: $WORK/build.log)"
  (cd "$ROOT" && timeout 900 ./mvnw -B package -DskipTests) >"$WORK/build.log" 2>&1 \
    || { tail -30 "$WORK/build.log" >&2; die "build failed"; }
fi
[ -f "$JAR" ] || die "$JAR is missing (build first, or drop --no-build)"

if (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null; then
  die "something already listens on $HOST:$PORT; stop it or set BENCH_PORT"
fi

# ---------------------------------------------------------------------------------------------------------------------
# CPU accounting: ticks of the app, of Redis and of the whole machine, sampled around each phase.
CLK_TCK=$(getconf CLK_TCK)
NCPU=$(nproc)
REDIS_PID=$("${RCLI[@]}" INFO server | awk -F: '/^process_id:/ {gsub("\r", ""); print $2}')
proc_ticks() { # utime + stime of a process, 0 when gone
  if [ -n "${1:-}" ] && [ -r "/proc/$1/stat" ]; then
    awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"
  else
    echo 0
  fi
}
machine_ticks() { awk '/^cpu / { busy = $2 + $3 + $4 + $7 + $8 + $9; print busy, busy + $5 + $6 }' /proc/stat; }
cpu_mark() { # prints "seconds app redis busy total"
  echo "$(date +%s.%N) $(proc_ticks "$APP_PID") $(proc_ticks "$REDIS_PID") $(machine_ticks)"
}
cpu_report() { # $1 = mark before, $2 = mark after -> "app X% redis Y% machine Z%" (100% = one core)
  awk -v a="$1" -v b="$2" -v hz="$CLK_TCK" -v n="$NCPU" 'BEGIN {
    split(a, x, " "); split(b, y, " "); s = y[1] - x[1]
    app = (y[2] - x[2]) / hz / s * 100; red = (y[3] - x[3]) / hz / s * 100
    busy = (y[5] - x[5]) > 0 ? (y[4] - x[4]) / (y[5] - x[5]) * n * 100 : 0
    printf "app %.0f%%, redis %.0f%%, whole machine %.0f%% of %d00%%", app, red, busy, n }'
}

kv() { awk -F= -v k="$2" '$1 == k { sub(/^[^=]*=/, ""); print; exit }' "$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "n/a"; else printf "%.3f", a / b }'; }
meets() { awk -v r="$1" -v t="$2" 'BEGIN { if (r == "n/a") print "n/a"; else if (r + 0 >= t + 0) print "met"; else print "MISSED" }'; }

# ---------------------------------------------------------------------------------------------------------------------
# Clean database and Redis, then the app
log "Recreating database $DB and flushing Redis db $REDIS_DB"
"${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB" 2>&1 \
  | grep -v '^NOTICE' >&2 || true
"${PSQL[@]}" -d "$DB" -c 'select 1' >/dev/null || die "database $DB was not created"
"${RCLI[@]}" FLUSHDB >/dev/null

log "Starting the app on $BASE (JVM options: $JAVA_OPTS; log: $WORK/app.log)"
# shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
CLICKGIVE_TOKEN_KEY="bench-token-key-$(date +%s%N)-0123456789abcdef" \
CLICKGIVE_PRIVACY_KEY="bench-privacy-key-$(date +%s%N)" \
DB_URL="jdbc:postgresql://$HOST:5432/$DB" \
REDIS_URL="redis://$HOST:6379/$REDIS_DB" \
PORT="$PORT" \
  java $JAVA_OPTS -Dquarkus.http.host=$HOST -jar "$JAR" >"$WORK/app.log" 2>&1 &
APP_PID=$!
ready=0
for _ in $(seq 1 120); do
  kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$WORK/app.log" >&2; die "the app exited during start-up"; }
  if [ "$(curl -s -m 2 -o /dev/null -w '%{http_code}' "$BASE/q/health/ready" || true)" = 200 ]; then ready=1; break; fi
  sleep 0.5
done
[ "$ready" = 1 ] || { tail -30 "$WORK/app.log" >&2; die "the app was not ready within 60 s"; }
log "App ready"

# ---------------------------------------------------------------------------------------------------------------------
# Campaign
SLUG="bench-$(date -u +%Y%m%d%H%M%S)"
opens=$(date -u -d '-1 hour' +%Y-%m-%dT%H:%M:%SZ)
closes=$(date -u -d '+30 days' +%Y-%m-%dT%H:%M:%SZ)
code=$(curl -s -m 10 -o "$WORK/campaign.json" -w '%{http_code}' -H 'Content-Type: application/json' \
  -d "{\"slug\":\"$SLUG\",\"names\":{\"ar\":\"قياس\",\"fr\":\"Banc d'essai\",\"en\":\"Benchmark\"},\"opensAt\":\"$opens\",\"closesAt\":\"$closes\",\"goalGigabytes\":400,\"maxClicksPerSession\":160}" \
  "$BASE/api/manage/campaigns")
[ "$code" = 201 ] || die "campaign creation answered $code: $(cat "$WORK/campaign.json")"
code=$(curl -s -m 10 -o "$WORK/status.json" -w '%{http_code}' -H 'Content-Type: application/json' \
  -d '{"status":"LIVE"}' "$BASE/api/manage/campaigns/$SLUG/status")
[ "$code" = 200 ] || die "going live answered $code: $(cat "$WORK/status.json")"
CAMPAIGN_ID=$("${PSQL[@]}" -d "$DB" -c "select id from campaign where slug = '$SLUG'")
[ -n "$CAMPAIGN_ID" ] || die "campaign $SLUG not found in PostgreSQL"
log "Campaign $SLUG (id $CAMPAIGN_ID) is live"

# ---------------------------------------------------------------------------------------------------------------------
# Journey runs
ACKNOWLEDGED=0   # clicks the service said it accepted, over every journey run and replay
REPLAYED=0       # batches replayed after a run because wrk stopped before reading their answer
REPLAY_BAD=0     # replays not answered 200

# Replays the batches a run left unanswered; their first answer completes the tally.
replay_pending() {
  local file=$1 path body code accepted
  [ -s "$file" ] || return 0
  while IFS=$'\t' read -r path body; do
    [ -n "$path" ] || continue
    REPLAYED=$((REPLAYED + 1))
    code=$(curl -s -m 10 -o "$WORK/replay.json" -w '%{http_code}' -H 'Content-Type: application/json' \
      --data-binary "$body" "$BASE$path" || true)
    if [ "$code" = 200 ]; then
      accepted=$(grep -o '"accepted":[0-9]*' "$WORK/replay.json" | head -1 | cut -d: -f2)
      ACKNOWLEDGED=$((ACKNOWLEDGED + ${accepted:-0}))
    else
      REPLAY_BAD=$((REPLAY_BAD + 1))
      log "replay of $path answered $code: $(head -c 300 "$WORK/replay.json")"
    fi
  done <"$file"
}

run_journey() { # $1 = name, $2 = seconds
  local name=$1 seconds=$2
  CG_SLUG="$SLUG" CG_OUT="$WORK/$name.txt" CG_PENDING="$WORK/$name.pending" \
    timeout $((seconds + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout 10s --latency \
    -s "$HERE/journey.lua" "$BASE" >"$WORK/$name.wrk" 2>&1 || { cat "$WORK/$name.wrk" >&2; die "wrk ($name) failed"; }
  [ -s "$WORK/$name.txt" ] || { cat "$WORK/$name.wrk" >&2; die "wrk ($name) wrote no figures"; }
  ACKNOWLEDGED=$((ACKNOWLEDGED + $(kv "$WORK/$name.txt" clicks_accepted)))
  replay_pending "$WORK/$name.pending"
}

log "Warm-up: journey for ${WARMUP} s ($THREADS threads, $CONNECTIONS connections)"
run_journey warmup "$WARMUP"
log "Journey for ${DURATION} s"
mark0=$(cpu_mark)
run_journey journey "$DURATION"
mark1=$(cpu_mark)
CPU_JOURNEY=$(cpu_report "$mark0" "$mark1")
J="$WORK/journey.txt"
log "Journey: $(kv "$J" batches_per_s) batches/s, $(kv "$J" clicks_per_s) clicks/s ($CPU_JOURNEY)"

# ---------------------------------------------------------------------------------------------------------------------
# Ledger check: wait until the LedgerWriter emptied the ledger streams of the campaign, then compare.
log "Waiting for the LedgerWriter to drain the campaign's ledger streams"
LEDGER_T0=$(date +%s.%N)
streams_left() {
  "${RCLI[@]}" EVAL "local n = 0 for _, k in ipairs(redis.call('KEYS', ARGV[1])) do n = n + redis.call('XLEN', k) end return n" \
    0 "cg:{c$CAMPAIGN_ID.s*}:ledger"
}
ledger_sum() {
  "${PSQL[@]}" -d "$DB" -c "select coalesce(sum(units), 0) from donation where campaign_id = $CAMPAIGN_ID and engagement = 'CLICK'"
}
DRAINED=0
previous=-1
for _ in $(seq 1 180); do # at most 90 s
  left=$(streams_left)
  recorded=$(ledger_sum)
  if [ "$left" = 0 ] && { [ "$recorded" = "$ACKNOWLEDGED" ] || [ "$recorded" = "$previous" ]; }; then
    DRAINED=1
    break
  fi
  previous=$recorded
  sleep 0.5
done
LEDGER_WAIT=$(awk -v a="$LEDGER_T0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
RECORDED=$(ledger_sum)
LEDGER_ROWS=$("${PSQL[@]}" -d "$DB" -c "select count(*) from donation where campaign_id = $CAMPAIGN_ID")
REDIS_CLICKS=$("${RCLI[@]}" EVAL "local n = 0 for _, k in ipairs(redis.call('KEYS', ARGV[1])) do
    local h = redis.call('HGETALL', k) for i = 1, #h, 2 do if string.sub(h[i], 1, 2) == 'r:' then n = n + tonumber(h[i + 1]) end end
  end return n" 0 "cg:{c$CAMPAIGN_ID.s*}:totals")
if [ "$DRAINED" = 1 ] && [ "$RECORDED" = "$ACKNOWLEDGED" ] && [ "$REDIS_CLICKS" = "$RECORDED" ]; then
  LEDGER_OK=1
  LEDGER_LINE="ledger: $ACKNOWLEDGED clicks acknowledged, $RECORDED recorded — OK"
else
  LEDGER_OK=0
  LEDGER_LINE="ledger: $ACKNOWLEDGED clicks acknowledged, $RECORDED recorded (Redis counters: $REDIS_CLICKS, streams drained: $([ "$DRAINED" = 1 ] && echo yes || echo NO)) — FAILED"
fi
log "$LEDGER_LINE (waited ${LEDGER_WAIT} s)"

# ---------------------------------------------------------------------------------------------------------------------
# (a) Trivial endpoint of the same app, same threads, connections and duration
TRIVIAL_PATH=/q/health/live
log "Trivial endpoint GET $TRIVIAL_PATH: 5 s warm-up, then ${DURATION} s"
timeout 40 wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "$BASE$TRIVIAL_PATH" >"$WORK/trivial-warmup.wrk" 2>&1 || true
mark0=$(cpu_mark)
timeout $((DURATION + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency \
  "$BASE$TRIVIAL_PATH" >"$WORK/trivial.wrk" 2>&1 || { cat "$WORK/trivial.wrk" >&2; die "wrk (trivial) failed"; }
mark1=$(cpu_mark)
CPU_TRIVIAL=$(cpu_report "$mark0" "$mark1")
TRIVIAL_RPS=$(awk '/^Requests\/sec:/ { print $2 }' "$WORK/trivial.wrk")
TRIVIAL_NON2XX=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$WORK/trivial.wrk")
TRIVIAL_NON2XX=${TRIVIAL_NON2XX:-0}
TRIVIAL_SOCKET=$(awk '/Socket errors:/ { s = 0; for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) s += $i; print s }' "$WORK/trivial.wrk")
TRIVIAL_SOCKET=${TRIVIAL_SOCKET:-0}
TRIVIAL_P50=$(awk '$1 == "50%" { print $2 }' "$WORK/trivial.wrk")
TRIVIAL_P99=$(awk '$1 == "99%" { print $2 }' "$WORK/trivial.wrk")
log "Trivial: $TRIVIAL_RPS req/s ($CPU_TRIVIAL)"

# ---------------------------------------------------------------------------------------------------------------------
# (b) The count script alone: redis-benchmark, EVALSHA with the arguments the app passes for one batch.
# Every call names a random session among RB_SESSIONS pre-created session hashes (HSET clicks 0 last -1, as grant.lua
# does) and a random fresh seq, so it takes the accept path: HMGET, HSET, 2 x HINCRBY, XADD. first offset 3334 > last
# offset 3333, so a session's stored "last" never turns a later call into OUT_OF_ORDER; the cap (1e9) is never reached.
RB_SESSIONS=100000
SHA=$("${RCLI[@]}" -x SCRIPT LOAD <"$SCRIPT_FILE")
[ "$SHA" = "$(sha1sum "$SCRIPT_FILE" | cut -d' ' -f1)" ] || die "SCRIPT LOAD gave $SHA, not the file's SHA-1"
"${RCLI[@]}" EVAL "for i = 0, tonumber(ARGV[2]) - 1 do
    redis.call('HSET', ARGV[1] .. string.format('%012d', i), 'clicks', 0, 'last', -1) end return 1" \
  0 "$RB_PREFIX:session:" "$RB_SESSIONS" >/dev/null
NOW_MS=$(date +%s%3N)
rb_args=(EVALSHA "$SHA" 4 "$RB_PREFIX:session:__rand_int__" "$RB_PREFIX:totals" "$RB_PREFIX:minutes" "$RB_PREFIX:ledger"
  __rand_int__ 24 3334 3333 "$NOW_MS" $((NOW_MS + 86400000)) 1000000000 __rand_int__ MA-06
  "QeDI4YEFQCSy-ekUvHaMNw" $((NOW_MS / 60000)))
rb() { # $1 = requests; prints calls/s
  timeout 120 redis-benchmark -h "$HOST" -p 6379 --dbnum "$REDIS_DB" -c "$CONNECTIONS" -n "$1" -r "$RB_SESSIONS" \
    --csv "${rb_args[@]}" >"$WORK/redis-benchmark.csv" 2>&1 || { cat "$WORK/redis-benchmark.csv" >&2; die "redis-benchmark failed"; }
  awk -F'","' 'NR == 2 { print $2 }' "$WORK/redis-benchmark.csv"
}
log "redis-benchmark: calibrating"
calibration=$(rb 20000)
RB_REQUESTS=$(awk -v r="$calibration" -v s="$REDIS_SECONDS" 'BEGIN { n = int(r * s); if (n < 50000) n = 50000; if (n > 3000000) n = 3000000; print n }')
"${RCLI[@]}" UNLINK "$RB_PREFIX:ledger" "$RB_PREFIX:totals" "$RB_PREFIX:minutes" >/dev/null
log "redis-benchmark: $RB_REQUESTS EVALSHA calls, $CONNECTIONS clients (calibration: $calibration calls/s)"
mark0=$(cpu_mark)
RB_RPS=$(rb "$RB_REQUESTS")
mark1=$(cpu_mark)
CPU_REDIS=$(cpu_report "$mark0" "$mark1")
RB_P50=$(awk -F'","' 'NR == 2 { print $5 }' "$WORK/redis-benchmark.csv")
RB_P99=$(awk -F'","' 'NR == 2 { print $7 }' "$WORK/redis-benchmark.csv")
RB_ACCEPTED=$("${RCLI[@]}" XLEN "$RB_PREFIX:ledger") # one stream entry per accepted call
"${RCLI[@]}" EVAL "for _, k in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('UNLINK', k) end return 1" 0 "$RB_PREFIX:*" >/dev/null
log "redis-benchmark: $RB_RPS calls/s, $RB_ACCEPTED of $RB_REQUESTS accepted ($CPU_REDIS)"

# ---------------------------------------------------------------------------------------------------------------------
# (c) What a naive engine would do per click: a hot-row UPDATE on a one-row table, one transaction each.
"${PSQL[@]}" -d "$DB" -c 'create table bench_counter (id int primary key, clicks bigint not null)' \
  -c 'insert into bench_counter values (1, 0)'
echo 'UPDATE bench_counter SET clicks = clicks + 1 WHERE id = 1;' >"$WORK/hot-row.sql"
log "pgbench: hot-row UPDATE, $CONNECTIONS clients, ${PG_DURATION} s"
mark0=$(cpu_mark)
timeout $((PG_DURATION + 60)) pgbench -h "$HOST" -p 5432 -U postgres -n -M prepared -c "$CONNECTIONS" -j "$THREADS" \
  -T "$PG_DURATION" -f "$WORK/hot-row.sql" "$DB" >"$WORK/pgbench.txt" 2>&1 || { cat "$WORK/pgbench.txt" >&2; die "pgbench failed"; }
mark1=$(cpu_mark)
CPU_PG=$(cpu_report "$mark0" "$mark1")
PG_TPS=$(awk '/^tps = / { print $3; exit }' "$WORK/pgbench.txt")
PG_LAT=$(awk '/^latency average/ { print $4; exit }' "$WORK/pgbench.txt")
PG_ROW=$("${PSQL[@]}" -d "$DB" -c 'select clicks from bench_counter where id = 1')
log "pgbench: $PG_TPS tps ($CPU_PG)"

# ---------------------------------------------------------------------------------------------------------------------
# Stop the app, look at its log
stop_app
APP_ERRORS=$(grep -c ' ERROR ' "$WORK/app.log" || true)
APP_WARNS=$(grep -c ' WARN ' "$WORK/app.log" || true)
APP_EXCEPTIONS=$(grep -c 'Exception' "$WORK/app.log" || true)

# ---------------------------------------------------------------------------------------------------------------------
# Results
W="$WORK/warmup.txt"
BATCHES=$(kv "$J" batches_per_s)
CLICKS=$(kv "$J" clicks_per_s)
R_REDIS=$(ratio "$BATCHES" "$RB_RPS")
R_TRIVIAL=$(ratio "$BATCHES" "$TRIVIAL_RPS")
R_PG=$(ratio "$CLICKS" "$PG_TPS")
M_REDIS=$(meets "$R_REDIS" 0.7)
M_TRIVIAL=$(meets "$R_TRIVIAL" 0.35)
M_PG=$(meets "$R_PG" 100)
JOURNEY_NON2XX=$(($(kv "$W" non2xx) + $(kv "$J" non2xx)))

{
  echo
  echo "==================== clickgive benchmark — $(date -u +%Y-%m-%dT%H:%M:%SZ) ===================="
  echo "machine: $NCPU cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo); app JVM options: $JAVA_OPTS"
  echo "load: wrk $THREADS threads, $CONNECTIONS connections; journey ${DURATION} s after a ${WARMUP} s warm-up; campaign $SLUG"
  echo
  echo "Journey (session -> 3 batches of 16-30 clicks), ${DURATION} s:"
  printf '  batches/s            %10s   (answered 200; %s batches)\n' "$BATCHES" "$(kv "$J" batches_ok)"
  printf '  clicks/s             %10s   (accepted clicks; %s clicks, %s rejected)\n' "$CLICKS" "$(kv "$J" clicks_accepted)" "$(kv "$J" clicks_rejected)"
  printf '  sessions/s           %10s\n' "$(kv "$J" sessions_per_s)"
  printf '  journeys/s           %10s   (sessions whose 3 batches were answered)\n' "$(kv "$J" journeys_per_s)"
  printf '  batch latency        p50 %s ms, p90 %s ms, p99 %s ms, max %s ms   (batch requests only, %s samples)\n' \
    "$(kv "$J" batch_p50_ms)" "$(kv "$J" batch_p90_ms)" "$(kv "$J" batch_p99_ms)" "$(kv "$J" batch_max_ms)" "$(kv "$J" batch_latency_samples)"
  printf '  wrk latency          p50 %s ms, p99 %s ms   (sessions and batches mixed)\n' "$(kv "$J" wrk_p50_ms)" "$(kv "$J" wrk_p99_ms)"
  printf '  answers              %s; reasons: %s\n' "$(kv "$J" statuses)" "$(kv "$J" reasons)"
  printf '  CPU                  %s\n' "$CPU_JOURNEY"
  echo
  echo "Comparisons (same run):"
  printf '  trivial endpoint     %10s req/s   GET %s, %s s, p50 %s, p99 %s (%s)\n' "$TRIVIAL_RPS" "$TRIVIAL_PATH" "$DURATION" "$TRIVIAL_P50" "$TRIVIAL_P99" "$CPU_TRIVIAL"
  printf '  redis-benchmark      %10s calls/s EVALSHA batch.lua, %s clients, %s calls, %s accepted, p50 %s ms, p99 %s ms (%s)\n' \
    "$RB_RPS" "$CONNECTIONS" "$RB_REQUESTS" "$RB_ACCEPTED" "$RB_P50" "$RB_P99" "$CPU_REDIS"
  printf '  pgbench              %10s tps     hot-row UPDATE, %s clients, %s s, latency avg %s ms, row = %s (%s)\n' \
    "$PG_TPS" "$CONNECTIONS" "$PG_DURATION" "$PG_LAT" "$PG_ROW" "$CPU_PG"
  echo
  echo "Ratios:"
  printf '  batches/s / redis-benchmark calls/s  %7s   target >= 0.7    %s\n' "$R_REDIS" "$M_REDIS"
  printf '  batches/s / trivial req/s            %7s   target >= 0.35   %s\n' "$R_TRIVIAL" "$M_TRIVIAL"
  printf '  clicks/s / pgbench tps               %7s   target >= 100    %s\n' "$R_PG" "$M_PG"
  echo
  echo "Errors:"
  printf '  wrk non-2xx: journey %s (warm-up and measured), trivial %s; socket errors: journey %s, trivial %s\n' \
    "$JOURNEY_NON2XX" "$TRIVIAL_NON2XX" "$(($(kv "$W" socket_errors) + $(kv "$J" socket_errors)))" "$TRIVIAL_SOCKET"
  printf '  unmatched batch answers %s; batches replayed after wrk stopped %s (%s not answered 200)\n' \
    "$(($(kv "$W" batches_unmatched) + $(kv "$J" batches_unmatched)))" "$REPLAYED" "$REPLAY_BAD"
  printf '  app log: %s ERROR, %s WARN, %s lines mentioning an exception\n' "$APP_ERRORS" "$APP_WARNS" "$APP_EXCEPTIONS"
  echo
  echo "$LEDGER_LINE"
  printf '  (%s ledger rows; Redis counters %s clicks; streams drained %s s after the journey)\n' "$LEDGER_ROWS" "$REDIS_CLICKS" "$LEDGER_WAIT"
  echo "=========================================================================================================="
} | tee "$WORK/results.txt"

if [ "$LEDGER_OK" != 1 ]; then
  BENCH_KEEP_WORKDIR=1
  exit 1
fi
if [ "$REPLAY_BAD" != 0 ]; then
  BENCH_KEEP_WORKDIR=1
  log "some replays were not answered 200"
  exit 1
fi
if [ "$STRICT" = 1 ] && { [ "$M_REDIS" != met ] || [ "$M_TRIVIAL" != met ] || [ "$M_PG" != met ]; }; then
  BENCH_KEEP_WORKDIR=1
  log "--strict: a target was missed"
  exit 3
fi
