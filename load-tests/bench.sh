#!/usr/bin/env bash
# Benchmark of the click path: starts the packaged app (prod profile) against local PostgreSQL and Redis, drives the
# player journey (session -> 3 batches) with wrk, and in the same run measures what it is compared with: a trivial
# endpoint of the same app (wrk), the count script alone (redis-benchmark, EVALSHA) and a naive hot-row UPDATE per click
# (pgbench). Ends with a ledger check: every click the service acknowledged must be in the PostgreSQL ledger.
#
# Usage: load-tests/bench.sh [--no-build] [--strict]
#   --no-build  use target/quarkus-app/quarkus-run.jar as it is (default: ./mvnw -B package -DskipTests first)
#   --strict    also exit non-zero (3) when a throughput target is missed (default: only a failed check fails the run)
# Settings (environment): BENCH_THREADS (2) BENCH_CONNECTIONS (32) BENCH_DURATION (15 s)
#   BENCH_WARMUP_MIN (40 s) BENCH_WARMUP_MAX (80 s): journey warm-up in 10 s slices until batches/s settles
#   BENCH_GUARD_TURNS (4): turns of one guard-off and one guard-on slice, DURATION s each
#   BENCH_PG_DURATION (12 s) BENCH_REDIS_SECONDS (12) BENCH_PORT (8090) BENCH_DB (clickgive_bench) BENCH_REDIS_DB (2)
#   BENCH_JAVA_OPTS (JVM flags and -D config for the app; default "-Xms512m -Xmx512m -XX:+UseParallelGC")
#   BENCH_QUIET_WAIT (120 s: how long to wait for other work on the machine to calm down before starting)
# Exit codes: 0 done, 1 failed (ledger check, replays, a tool), 2 bad arguments, 3 --strict and a target missed.
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
    -h|--help) sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown argument: $arg (see --help)" >&2; exit 2 ;;
  esac
done

THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
WARMUP_MIN=${BENCH_WARMUP_MIN:-40}
WARMUP_MAX=${BENCH_WARMUP_MAX:-80}
DURATION=${BENCH_DURATION:-15}
GUARD_TURNS=${BENCH_GUARD_TURNS:-4}
[ "$GUARD_TURNS" -ge 2 ] 2>/dev/null || { echo "BENCH_GUARD_TURNS must be 2 or more" >&2; exit 2; }
PG_DURATION=${BENCH_PG_DURATION:-12}
REDIS_SECONDS=${BENCH_REDIS_SECONDS:-12}
PORT=${BENCH_PORT:-8090}
DB=${BENCH_DB:-clickgive_bench}
REDIS_DB=${BENCH_REDIS_DB:-2}
QUIET_WAIT=${BENCH_QUIET_WAIT:-120}
# A fixed, modest heap with the parallel collector: on this 2-core machine the journey ran as fast as with G1 or the
# serial collector once warm, and the trivial endpoint faster than with G1; see README ("JVM and configuration").
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xms512m -Xmx512m -XX:+UseParallelGC}
# The benchmark's own database starts empty: its first admin gets a throw-away password.
ADMIN_PASSWORD="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"

HOST=127.0.0.1
BASE="http://$HOST:$PORT"
# Health and metrics are on the management interface, a port of its own (1000 above the app's here).
MANAGEMENT="http://$HOST:$((PORT + 1000))"
PSQL=(psql -h "$HOST" -p 5432 -U postgres -v ON_ERROR_STOP=1 -qAt)
RCLI=(redis-cli -h "$HOST" -p 6379 -n "$REDIS_DB")
SCRIPT_FILE="$ROOT/src/main/resources/redis/batch.lua"
JAR="$ROOT/target/quarkus-app/quarkus-run.jar"
# The trivial endpoint: liveness on the management interface (same Vert.x event loops as the app's port).
TRIVIAL_URL="$MANAGEMENT/q/health/live"
RB_PREFIX="cg:{c0.s0}" # redis-benchmark's keys: campaign 0 does not exist (ids start at 1), so the app never reads them

WORK=$(mktemp -d /tmp/clickgive-bench.XXXXXX)
APP_PID=""
BG_PID=""

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

kill_tree() { # $1 = pid: its descendants first, then itself
  local child
  for child in $(pgrep -P "$1" 2>/dev/null || true); do kill_tree "$child"; done
  kill "$1" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  local job
  for job in $(jobs -p); do # a load generator or a sleep still running: the run was interrupted
    [ "$job" = "$APP_PID" ] || kill_tree "$job"
  done
  stop_app
  # redis-benchmark's keys, if the run stopped before it removed them
  "${RCLI[@]}" EVAL "for _, k in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('UNLINK', k) end return 1" 0 \
    "$RB_PREFIX:*" >/dev/null 2>&1 || true
  log "Logs and raw outputs: $WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------------------------------------------------------------
# Tools, services, build
if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "Installing wrk (Debian package)"
    timeout 300 apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive timeout 300 apt-get install -y -qq wrk >/dev/null
  else
    die "wrk is missing: apt-get install wrk"
  fi
fi
for tool in java curl psql pgbench redis-cli redis-benchmark awk sha1sum timeout getconf; do
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
# CPU accounting. A mark is the time, the machine's busy/total ticks and every process's ticks; a report splits the
# CPU used between two marks into the app, Redis, PostgreSQL, the load generator, kernel threads and other processes
# (100% = one core). Processes that start and end between two marks are missed.
CLK_TCK=$(getconf CLK_TCK)
NCPU=$(nproc)
machine_ticks() { awk '/^cpu / { busy = $2 + $3 + $4 + $7 + $8 + $9; print busy, busy + $5 + $6 }' /proc/stat; }
cpu_mark() { # $1 = file
  {
    date +%s.%N
    machine_ticks
    # pid, parent pid, command name (blanks made _), utime + stime; cat skips processes gone in between
    cat /proc/[0-9]*/stat 2>/dev/null | awk '{ l = index($0, "("); match($0, /.*\)/); r = RLENGTH
      comm = substr($0, l + 1, r - l - 1); gsub(/[ \t]/, "_", comm)
      split(substr($0, r + 2), f, " "); print $1, f[2], comm, f[12] + f[13] }'
  } >"$1"
}
cpu_report() { # $1, $2 = mark files; prints the split, then on a second line the other processes' share
  awk -v hz="$CLK_TCK" -v n="$NCPU" -v app="$APP_PID" '
    FNR == 1 { if (NR == FNR) t0 = $1; else t1 = $1; next }
    FNR == 2 { if (NR == FNR) { b0 = $1; a0 = $2 } else { b1 = $1; a1 = $2 }; next }
    NR == FNR { before[$1] = $4; next }
    {
      d = $4 - (($1 in before) ? before[$1] : 0) # by pid: a kernel worker changes its name with its work
      if ($1 == app) c = "app"
      else if ($3 == "redis-server") c = "redis"
      else if ($3 == "postgres") c = "postgres"
      else if ($3 == "wrk" || $3 == "redis-benchmark" || $3 == "pgbench") c = "load"
      else if ($2 == 2 || $1 == 2) c = "kernel" # kernel threads (loopback networking, I/O) work for all the above
      else { c = "other"; by[$3] += d }
      use[c] += d
    }
    END {
      f = 100 / hz / (t1 - t0)
      busy = (a1 - a0) > 0 ? (b1 - b0) / (a1 - a0) * n * 100 : 0
      top = ""; best = 0
      for (p in by) if (by[p] > best) { best = by[p]; top = p }
      printf "app %.0f%%, redis %.0f%%, postgres %.0f%%, load generator %.0f%%, kernel threads %.0f%%, other %.0f%%%s; machine %.0f%% of %d00%%\n",
        use["app"] * f, use["redis"] * f, use["postgres"] * f, use["load"] * f, use["kernel"] * f, use["other"] * f,
        (use["other"] * f >= 10 ? " (mostly " top ")" : ""), busy, n
      printf "%.0f\n", use["other"] * f
    }' "$1" "$2"
}
machine_busy() { # $1 = seconds -> percent of the machine busy (100% = one core)
  local a b
  a=$(machine_ticks); sleep "$1"; b=$(machine_ticks)
  awk -v a="$a" -v b="$b" -v n="$NCPU" 'BEGIN { split(a, x, " "); split(b, y, " ");
    t = y[2] - x[2]; printf "%.0f\n", (t > 0 ? (y[1] - x[1]) / t * n * 100 : 0) }'
}
DISTURBED="" # phases during which other processes used 10% of a core or more
# Runs a command in the background and marks the CPU from 1 s after its start for $2 s (its steady state).
# $1 = phase name, $2 = seconds to sample, rest = command (output in $WORK/<name>.out). Sets CPU_<NAME>.
run_sampled() {
  local name=$1 secs=$2 rc=0 report
  shift 2
  "$@" >"$WORK/$name.out" 2>&1 &
  BG_PID=$!
  sleep 1 & wait $! # (a sleep in the background so that a signal is handled at once)
  cpu_mark "$WORK/$name.cpu0"
  sleep "$secs" & wait $!
  cpu_mark "$WORK/$name.cpu1"
  wait "$BG_PID" || rc=$?
  BG_PID=""
  report=$(cpu_report "$WORK/$name.cpu0" "$WORK/$name.cpu1")
  printf -v "CPU_${name^^}" '%s' "$(head -1 <<<"$report")"
  if [ "$(tail -1 <<<"$report")" -ge 10 ]; then DISTURBED="$DISTURBED $name"; fi
  return "$rc"
}

kv() { awk -F= -v k="$2" '$1 == k { sub(/^[^=]*=/, ""); print; exit }' "$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "n/a"; else printf "%.3f", a / b }'; }
meets() { awk -v r="$1" -v t="$2" 'BEGIN { if (r == "n/a") print "n/a"; else if (r + 0 >= t + 0) print "met"; else print "MISSED" }'; }
at_least_1() { awk -v x="$1" 'BEGIN { x = int(x); print (x < 1 ? 1 : x) }'; }

# ---------------------------------------------------------------------------------------------------------------------
# Other work on the machine skews every figure: wait a while for it to calm down, and report it.
BACKGROUND=$(machine_busy 3)
waited=0
while [ "$BACKGROUND" -gt 30 ] && [ "$waited" -lt "$QUIET_WAIT" ]; do
  if [ "$waited" = 0 ]; then
    log "The machine is busy before the run (${BACKGROUND}% of ${NCPU}00%): waiting up to ${QUIET_WAIT} s"
  fi
  sleep 7
  waited=$((waited + 10))
  BACKGROUND=$(machine_busy 3)
done
if [ "$BACKGROUND" -gt 30 ]; then
  log "WARNING: other work keeps the machine busy (${BACKGROUND}%); figures will be low"
fi

# ---------------------------------------------------------------------------------------------------------------------
# Clean database and Redis, then the app
log "Recreating database $DB and flushing Redis db $REDIS_DB"
"${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB" 2>&1 \
  | grep -v '^NOTICE' >&2 || true
"${PSQL[@]}" -d "$DB" -c 'select 1' >/dev/null || die "database $DB was not created"
"${RCLI[@]}" FLUSHDB >/dev/null

# The app listens on 127.0.0.1 only. The wrk script plays the service's own proxy: it names each player's network in
# X-Forwarded-For, which the app believes from 127.0.0.1 (its default trusted proxy, set here explicitly).
log "Starting the app on $BASE (JVM options: $JAVA_OPTS; log: $WORK/app.log)"
# shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
CLICKGIVE_TOKEN_KEY="bench-token-key-$(date +%s%N)-0123456789abcdef" \
CLICKGIVE_PRIVACY_KEY="bench-privacy-key-$(date +%s%N)" \
CLICKGIVE_SESSION_KEY="bench-session-key-$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')" \
DB_URL="jdbc:postgresql://$HOST:5432/$DB" \
REDIS_URL="redis://$HOST:6379/$REDIS_DB" \
PORT="$PORT" MANAGEMENT_PORT=$((PORT + 1000)) \
  java $JAVA_OPTS -Dquarkus.http.host=$HOST -Dquarkus.management.host=$HOST -Dclickgive.guard.trusted-proxies=127.0.0.1/32 \
    -Dclickgive.security.admin-password="$ADMIN_PASSWORD" -jar "$JAR" >"$WORK/app.log" 2>&1 &
APP_PID=$!
ready=0
for _ in $(seq 1 120); do
  kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$WORK/app.log" >&2; die "the app exited during start-up"; }
  if [ "$(curl -s -m 2 -o /dev/null -w '%{http_code}' "$MANAGEMENT/q/health/ready" || true)" = 200 ]; then ready=1; break; fi
  sleep 0.5
done
[ "$ready" = 1 ] || { tail -30 "$WORK/app.log" >&2; die "the app was not ready within 60 s"; }
log "App ready"

# ---------------------------------------------------------------------------------------------------------------------
# Campaign
opens=$(date -u -d '-1 hour' +%Y-%m-%dT%H:%M:%SZ)
closes=$(date -u -d '+30 days' +%Y-%m-%dT%H:%M:%SZ)
create_campaign() { # $1 = slug, $2 = guard settings (JSON) -> prints the campaign's id
  local code
  code=$(curl -s -m 10 -u "admin:$ADMIN_PASSWORD" -o "$WORK/campaign.json" -w '%{http_code}' -H 'Content-Type: application/json' \
    -d "{\"slug\":\"$1\",\"names\":{\"ar\":\"قياس\",\"fr\":\"Banc d'essai\",\"en\":\"Benchmark\"},\"opensAt\":\"$opens\",\"closesAt\":\"$closes\",\"goalGigabytes\":400,\"maxClicksPerSession\":160,\"guard\":$2}" \
    "$BASE/api/manage/campaigns")
  [ "$code" = 201 ] || die "campaign creation answered $code: $(cat "$WORK/campaign.json")"
  code=$(curl -s -m 10 -u "admin:$ADMIN_PASSWORD" -o "$WORK/status.json" -w '%{http_code}' -H 'Content-Type: application/json' \
    -d '{"status":"LIVE"}' "$BASE/api/manage/campaigns/$1/status")
  [ "$code" = 200 ] || die "going live answered $code: $(cat "$WORK/status.json")"
  "${PSQL[@]}" -d "$DB" -c "select id from campaign where slug = '$1'"
}
# The click path measured against Redis and the trivial endpoint runs with the guard off; the same journey then runs
# with the guard on (proof of work at its minimum difficulty, no per-player limit: see journey.lua) to price the guard.
SLUG="bench-$(date -u +%Y%m%d%H%M%S)"
# wrk sends a session's batches at once, not over its ten seconds: the clock check on offsets (FUTURE) is relaxed on both
# campaigns (it costs the same comparison either way). The guarded campaign's players are established from their first
# round (establishRounds 0), as on a kiosk: the budget for new players is abuse.sh's to measure, not the click path's.
CAMPAIGN_ID=$(create_campaign "$SLUG" '{"enabled":false,"futureToleranceMs":600000}')
GUARD_SLUG="$SLUG-guard"
GUARD_ID=$(create_campaign "$GUARD_SLUG" '{"enabled":true,"powDifficulty":0,"playerIntervalSeconds":0,"establishRounds":0,"futureToleranceMs":600000}')
[ -n "$CAMPAIGN_ID" ] && [ -n "$GUARD_ID" ] || die "campaigns not found in PostgreSQL"
log "Campaigns $SLUG (id $CAMPAIGN_ID, guard off) and $GUARD_SLUG (id $GUARD_ID, guard on) are live"
# One server-issued identity per wrk thread, minted as a phone would (the puzzle solved in Python).
IDENTITIES=$(python3 "$HERE/mint.py" "$BASE" "$THREADS") || die "minting identities failed"
export CG_IDENTITIES="$IDENTITIES"

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

journey_wrk() { # $1 = name, $2 = seconds; JOURNEY_SLUG, JOURNEY_GUARD and JOURNEY_ONE_PLAYER shape the journey
  CG_SLUG="${JOURNEY_SLUG:-$SLUG}" CG_GUARD="${JOURNEY_GUARD:-0}" CG_ONE_PLAYER="${JOURNEY_ONE_PLAYER:-0}" \
    CG_OUT="$WORK/$1.txt" CG_PENDING="$WORK/$1.pending" \
    timeout $(($2 + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${2}s" --timeout 10s --latency \
    -s "$HERE/journey.lua" "$BASE"
}
journey_done() { # $1 = name
  [ -s "$WORK/$1.txt" ] || { cat "$WORK/$1.out" >&2; die "wrk ($1) wrote no figures"; }
  ACKNOWLEDGED=$((ACKNOWLEDGED + $(kv "$WORK/$1.txt" clicks_accepted)))
  replay_pending "$WORK/$1.pending"
}

# Warm-up: the JIT needs tens of seconds of this load before the click path runs at full speed on 2 cores (measured:
# 640 -> 1260 -> 1750 -> 2890 -> 3430 -> 3390 batches/s in consecutive 10 s slices, the C2 compiler thread using
# most of a core meanwhile). So the journey runs in 10 s slices, at least WARMUP_MIN s, until the last three slices
# lie within 10% of their mean (warm slices still vary by about that much), or WARMUP_MAX s have passed.
WARMUP=0
WARMUP_TRACE=""
W_NON2XX=0 W_SOCKET=0 W_UNMATCHED=0 W_DROPPED=0
rates=()
slice=0
settled=0
log "Warm-up: journey in 10 s slices, ${WARMUP_MIN}-${WARMUP_MAX} s ($THREADS threads, $CONNECTIONS connections)"
while [ "$WARMUP" -lt "$WARMUP_MAX" ]; do
  slice=$((slice + 1))
  seconds=$((WARMUP_MAX - WARMUP < 10 ? WARMUP_MAX - WARMUP : 10))
  journey_wrk "warmup$slice" "$seconds" >"$WORK/warmup$slice.out" 2>&1 \
    || { cat "$WORK/warmup$slice.out" >&2; die "wrk (warm-up) failed"; }
  journey_done "warmup$slice"
  WARMUP=$((WARMUP + seconds))
  rate=$(kv "$WORK/warmup$slice.txt" batches_per_s)
  WARMUP_TRACE="$WARMUP_TRACE${WARMUP_TRACE:+ -> }$(printf '%.0f' "$rate")"
  W_NON2XX=$((W_NON2XX + $(kv "$WORK/warmup$slice.txt" non2xx)))
  W_SOCKET=$((W_SOCKET + $(kv "$WORK/warmup$slice.txt" socket_errors)))
  W_UNMATCHED=$((W_UNMATCHED + $(kv "$WORK/warmup$slice.txt" batches_unmatched)))
  W_DROPPED=$((W_DROPPED + $(kv "$WORK/warmup$slice.txt" sessions_dropped)))
  log "Warm-up ${WARMUP} s: $rate batches/s"
  rates+=("$rate")
  if [ "$WARMUP" -ge "$WARMUP_MIN" ] && [ "${#rates[@]}" -ge 3 ]; then
    settled=$(awk -v a="${rates[-3]}" -v b="${rates[-2]}" -v c="${rates[-1]}" 'BEGIN { m = (a + b + c) / 3
      print (m > 0 && a >= m * 0.9 && a <= m * 1.1 && b >= m * 0.9 && b <= m * 1.1 && c >= m * 0.9 && c <= m * 1.1) ? 1 : 0 }')
    if [ "$settled" = 1 ]; then break; fi
  fi
done
if [ "$settled" = 1 ]; then
  WARMUP_TRACE="$WARMUP_TRACE: settled"
elif [ "${#rates[@]}" -ge 3 ]; then
  WARMUP_TRACE="$WARMUP_TRACE: NOT settled within ${WARMUP_MAX} s"
fi
log "Journey for ${DURATION} s"
run_sampled journey "$(at_least_1 $((DURATION - 2)))" journey_wrk journey "$DURATION" \
  || { cat "$WORK/journey.out" >&2; die "wrk (journey) failed"; }
journey_done journey
J="$WORK/journey.txt"
log "Journey: $(kv "$J" batches_per_s) batches/s, $(kv "$J" clicks_per_s) clicks/s ($CPU_JOURNEY)"

# The guard's price, like for like: the journey with one fingerprint per wrk thread (the shape the guard-on journey
# needs), guard off and guard on in turn — 20 s of warm-up for the guard's own code paths, then BENCH_GUARD_TURNS (4)
# turns of two DURATION s slices — so that the slow drift of a long run (session keys expiring by the million, a growing
# ledger) weighs on both sides alike. The figures are the means of each side's slices.
log "Guard: warm-up 20 s, then $GUARD_TURNS turns of guard off and on (ABBA), ${DURATION} s each, one player per wrk thread"
JOURNEY_ONE_PLAYER=1
JOURNEY_SLUG="$GUARD_SLUG" JOURNEY_GUARD=1
for slice in 1 2; do
  journey_wrk "guardwarmup$slice" 10 >"$WORK/guardwarmup$slice.out" 2>&1 \
    || { cat "$WORK/guardwarmup$slice.out" >&2; die "wrk (guard warm-up) failed"; }
  journey_done "guardwarmup$slice"
  W_NON2XX=$((W_NON2XX + $(kv "$WORK/guardwarmup$slice.txt" non2xx)))
done
guard_slice() { # $1 = off|on, $2 = turn
  local name
  if [ "$1" = off ]; then name="baseline$2"; JOURNEY_SLUG="$SLUG" JOURNEY_GUARD=0
  else name="guard$2"; JOURNEY_SLUG="$GUARD_SLUG" JOURNEY_GUARD=1; fi
  run_sampled "$name" "$(at_least_1 $((DURATION - 2)))" journey_wrk "$name" "$DURATION" \
    || { cat "$WORK/$name.out" >&2; die "wrk ($name journey) failed"; }
  journey_done "$name"
}
# Odd turns run off then on, even turns on then off (ABBA), so a drift within a turn weighs on both sides alike.
for turn in $(seq 1 "$GUARD_TURNS"); do
  if [ $((turn % 2)) -eq 1 ]; then guard_slice off "$turn"; guard_slice on "$turn"
  else guard_slice on "$turn"; guard_slice off "$turn"; fi
  log "Turn $turn: guard off $(kv "$WORK/baseline$turn.txt" batches_per_s), on $(kv "$WORK/guard$turn.txt" batches_per_s) batches/s"
done
mean_of() { # $1 = figure, then the files
  local key=$1
  shift
  for f in "$@"; do kv "$f" "$key"; done | awk '{ s += $1; n++ } END { printf "%.1f", s / n }'
}
B="$WORK/baseline.txt"
G="$WORK/guard.txt"
for figure in batches_per_s sessions_per_s challenges_per_s requests duration_s non2xx batch_p50_ms batch_p99_ms; do
  echo "$figure=$(mean_of "$figure" "$WORK"/baseline[0-9]*.txt)" >>"$B"
  echo "$figure=$(mean_of "$figure" "$WORK"/guard[0-9]*.txt)" >>"$G"
done
echo "statuses=$(kv "$WORK/guard2.txt" statuses)" >>"$G"
echo "reasons=$(kv "$WORK/guard2.txt" reasons)" >>"$G"
CPU_GUARD="$CPU_GUARD2"
CPU_BASELINE="$CPU_BASELINE2"
log "Guard on: $(kv "$G" batches_per_s) batches/s against $(kv "$B" batches_per_s) off (means)"
unset JOURNEY_SLUG JOURNEY_GUARD JOURNEY_ONE_PLAYER
log "Guard on: $(kv "$G" batches_per_s) batches/s, $(kv "$G" sessions_per_s) sessions/s ($CPU_GUARD)"

# ---------------------------------------------------------------------------------------------------------------------
# Ledger check: wait until the LedgerWriter emptied the campaign's ledger streams (it deletes an entry only after its
# transaction committed), then compare the ledger with the tally and with the Redis counters.
log "Waiting for the LedgerWriter to drain the campaign's ledger streams"
LEDGER_T0=$(date +%s.%N)
streams_left() {
  "${RCLI[@]}" EVAL "local n = 0 for _, p in ipairs(ARGV) do for _, k in ipairs(redis.call('KEYS', p)) do
      n = n + redis.call('XLEN', k) end end return n" 0 "cg:{c$CAMPAIGN_ID.s*}:ledger" "cg:{c$GUARD_ID.s*}:ledger"
}
ledger_sum() {
  "${PSQL[@]}" -d "$DB" -c "select coalesce(sum(units), 0) from donation where campaign_id in ($CAMPAIGN_ID, $GUARD_ID) and engagement = 'CLICK'"
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
LEDGER_ROWS=$("${PSQL[@]}" -d "$DB" -c "select count(*) from donation where campaign_id in ($CAMPAIGN_ID, $GUARD_ID)")
REDIS_CLICKS=$("${RCLI[@]}" EVAL "local n = 0 for _, p in ipairs(ARGV) do for _, k in ipairs(redis.call('KEYS', p)) do
    local h = redis.call('HGETALL', k) for i = 1, #h, 2 do if string.sub(h[i], 1, 2) == 'r:' then n = n + tonumber(h[i + 1]) end end
  end end return n" 0 "cg:{c$CAMPAIGN_ID.s*}:totals" "cg:{c$GUARD_ID.s*}:totals")
if [ "$DRAINED" = 1 ] && [ "$RECORDED" = "$ACKNOWLEDGED" ] && [ "$REDIS_CLICKS" = "$RECORDED" ]; then
  LEDGER_OK=1
  LEDGER_LINE="ledger: $ACKNOWLEDGED clicks acknowledged, $RECORDED recorded — OK"
else
  LEDGER_OK=0
  LEDGER_LINE="ledger: $ACKNOWLEDGED clicks acknowledged, $RECORDED recorded (Redis counters: $REDIS_CLICKS, streams drained: $([ "$DRAINED" = 1 ] && echo yes || echo NO)) — FAILED"
fi
log "$LEDGER_LINE (waited ${LEDGER_WAIT} s)"

# ---------------------------------------------------------------------------------------------------------------------
# (a) Trivial endpoint of the same app, same threads, connections and duration; then, for reference only, the lightest
# endpoint of the app's own REST API (public totals: reactive, answered from a 250 ms cache of the Redis counters).
plain_wrk() { # $1 = seconds, $2 = URL
  timeout $(($1 + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${1}s" --timeout 10s --latency "$2"
}
wrk_figures() { # $1 = wrk output -> "req/s non2xx socket_errors p50 p99"
  awk '/^Requests\/sec:/ { rps = $2 } /Non-2xx or 3xx responses:/ { bad = $NF }
       /Socket errors:/ { for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) sock += $i }
       $1 == "50%" { p50 = $2 } $1 == "99%" { p99 = $2 }
       END { print rps, bad + 0, sock + 0, p50, p99 }' "$1"
}
log "Trivial endpoint GET $TRIVIAL_URL: 5 s warm-up, then ${DURATION} s"
plain_wrk 5 "$TRIVIAL_URL" >"$WORK/trivial-warmup.out" 2>&1 || true
run_sampled trivial "$(at_least_1 $((DURATION - 2)))" plain_wrk "$DURATION" "$TRIVIAL_URL" \
  || { cat "$WORK/trivial.out" >&2; die "wrk (trivial) failed"; }
read -r TRIVIAL_RPS TRIVIAL_NON2XX TRIVIAL_SOCKET TRIVIAL_P50 TRIVIAL_P99 < <(wrk_figures "$WORK/trivial.out")
log "Trivial: $TRIVIAL_RPS req/s ($CPU_TRIVIAL)"

TOTALS_PATH="/api/campaigns/$SLUG/totals"
TOTALS_SECONDS=$(at_least_1 $((DURATION / 4)))
log "Reference: GET $TOTALS_PATH for ${TOTALS_SECONDS} s"
plain_wrk 2 "$BASE$TOTALS_PATH" >"$WORK/totals-warmup.out" 2>&1 || true
plain_wrk "$TOTALS_SECONDS" "$BASE$TOTALS_PATH" >"$WORK/totals.out" 2>&1 || { cat "$WORK/totals.out" >&2; die "wrk (totals) failed"; }
read -r TOTALS_RPS TOTALS_NON2XX TOTALS_SOCKET TOTALS_P50 TOTALS_P99 < <(wrk_figures "$WORK/totals.out")
log "Totals: $TOTALS_RPS req/s"

# ---------------------------------------------------------------------------------------------------------------------
# (b) The count script alone: redis-benchmark, EVALSHA with the arguments the app passes for one batch of the
# guard-off journey: 24 clicks, first offset 3334, checks of window, order and cap.
# Every call names a random session among RB_SESSIONS pre-created session hashes (HSET clicks 0 last -1, as grant.lua
# does) and a random fresh seq, so it takes the accept path: HMGET, HSET, 2 x HINCRBY, XADD. A session drawn a second
# time answers OUT_OF_ORDER (its offsets do not follow those it counted), the cheaper path: with 2 million sessions
# that is a few percent of the calls, and the results say how many were accepted.
RB_SESSIONS=2000000
SHA=$("${RCLI[@]}" -x SCRIPT LOAD <"$SCRIPT_FILE")
[ "$SHA" = "$(sha1sum "$SCRIPT_FILE" | cut -d' ' -f1)" ] || die "SCRIPT LOAD gave $SHA, not the file's SHA-1"
for ((chunk = 0; chunk < RB_SESSIONS; chunk += 100000)); do # in chunks: one long script would block the app's Redis
  "${RCLI[@]}" EVAL "for i = tonumber(ARGV[2]), tonumber(ARGV[2]) + 99999 do
      redis.call('HSET', ARGV[1] .. string.format('%012d', i), 'clicks', 0, 'last', -1) end return 1" \
    0 "$RB_PREFIX:session:" "$chunk" >/dev/null
done
NOW_MS=$(date +%s%3N)
RB_OFFSETS=$(awk 'BEGIN { for (i = 0; i < 24; i++) printf "%s%d", (i ? "," : ""), 3334 + int(i * 138.8) + (i * 37) % 60 }')
# The call as the app writes it (session.BatchCall, one JSON argument). redis-benchmark puts a 12-digit number with
# leading zeros in place of __rand_int__; prefixed with 1, the seq stays a valid JSON number.
RB_CALL="{\"seq\":1__rand_int__,\"count\":24,\"first\":3334,\"last\":${RB_OFFSETS##*,},\"now\":$NOW_MS,\"deadline\":$((NOW_MS + 86400000)),\"elapsed\":600000,\"tolerance\":600000,\"cap\":1000000000,\"session\":\"__rand_int__\",\"region\":\"MA-06\",\"player\":\"QeDI4YEFQCSy-ekUvHaMNw\",\"network\":\"bench-net\",\"minute\":$((NOW_MS / 60000)),\"guard\":false}"
RB_ARGS=(EVALSHA "$SHA" 7 "$RB_PREFIX:session:__rand_int__" "$RB_PREFIX:totals" "$RB_PREFIX:minutes" "$RB_PREFIX:ledger"
  "$RB_PREFIX:player:QeDI4YEFQCSy-ekUvHaMNw" "$RB_PREFIX:held" "$RB_PREFIX:trips:bench-net" "$RB_CALL")
rb() { # $1 = calls
  timeout 120 redis-benchmark -h "$HOST" -p 6379 --dbnum "$REDIS_DB" -c "$CONNECTIONS" -n "$1" -r "$RB_SESSIONS" \
    --csv "${RB_ARGS[@]}"
}
log "redis-benchmark: calibrating"
rb 20000 >"$WORK/redis-calibration.out" 2>&1 || { cat "$WORK/redis-calibration.out" >&2; die "redis-benchmark failed"; }
# Fields counted from the end: the first one (the command) holds the JSON call, commas and quotes included.
calibration=$(awk -F'","' 'NR == 2 { print $(NF - 6) }' "$WORK/redis-calibration.out")
RB_REQUESTS=$(awk -v r="$calibration" -v s="$REDIS_SECONDS" 'BEGIN { n = int(r * s); if (n < 50000) n = 50000; if (n > 3000000) n = 3000000; print n }')
"${RCLI[@]}" UNLINK "$RB_PREFIX:ledger" "$RB_PREFIX:totals" "$RB_PREFIX:minutes" >/dev/null
log "redis-benchmark: $RB_REQUESTS EVALSHA calls, $CONNECTIONS clients (calibration: $calibration calls/s)"
run_sampled redis "$(at_least_1 "$(awk -v s="$REDIS_SECONDS" 'BEGIN { print s * 0.6 }')")" rb "$RB_REQUESTS" \
  || { cat "$WORK/redis.out" >&2; die "redis-benchmark failed"; }
RB_RPS=$(awk -F'","' 'NR == 2 { print $(NF - 6) }' "$WORK/redis.out")
RB_P50=$(awk -F'","' 'NR == 2 { print $(NF - 3) }' "$WORK/redis.out")
RB_P99=$(awk -F'","' 'NR == 2 { print $(NF - 1) }' "$WORK/redis.out")
RB_ACCEPTED=$("${RCLI[@]}" XLEN "$RB_PREFIX:ledger") # one stream entry per accepted call
"${RCLI[@]}" EVAL "for _, k in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('UNLINK', k) end return 1" 0 "$RB_PREFIX:*" >/dev/null
log "redis-benchmark: $RB_RPS calls/s, $RB_ACCEPTED of $RB_REQUESTS accepted ($CPU_REDIS)"

# ---------------------------------------------------------------------------------------------------------------------
# (c) What a naive engine would do per click: a hot-row UPDATE on a one-row table, one transaction each.
"${PSQL[@]}" -d "$DB" -c 'create table bench_counter (id int primary key, clicks bigint not null)' \
  -c 'insert into bench_counter values (1, 0)'
echo 'UPDATE bench_counter SET clicks = clicks + 1 WHERE id = 1;' >"$WORK/hot-row.sql"
log "pgbench: hot-row UPDATE, $CONNECTIONS clients, ${PG_DURATION} s"
run_sampled pgbench "$(at_least_1 $((PG_DURATION - 2)))" timeout $((PG_DURATION + 60)) pgbench -h "$HOST" -p 5432 \
  -U postgres -n -M prepared -c "$CONNECTIONS" -j "$THREADS" -T "$PG_DURATION" -f "$WORK/hot-row.sql" "$DB" \
  || { cat "$WORK/pgbench.out" >&2; die "pgbench failed"; }
PG_TPS=$(awk '/^tps = / { printf "%.1f", $3; exit }' "$WORK/pgbench.out")
PG_LAT=$(awk '/^latency average/ { print $4; exit }' "$WORK/pgbench.out")
PG_ROW=$("${PSQL[@]}" -d "$DB" -c 'select clicks from bench_counter where id = 1')
PG_SYNC=$("${PSQL[@]}" -d "$DB" -c 'show synchronous_commit')
log "pgbench: $PG_TPS tps ($CPU_PGBENCH)"

# ---------------------------------------------------------------------------------------------------------------------
# Stop the app, look at its log
stop_app
APP_ERRORS=$(grep -c ' ERROR ' "$WORK/app.log" || true)
APP_WARNS=$(grep -c ' WARN ' "$WORK/app.log" || true)
APP_EXCEPTIONS=$(grep -c 'Exception' "$WORK/app.log" || true)

# ---------------------------------------------------------------------------------------------------------------------
# Results
BATCHES=$(kv "$J" batches_per_s)
CLICKS=$(kv "$J" clicks_per_s)
R_REDIS=$(ratio "$BATCHES" "$RB_RPS")
R_TRIVIAL=$(ratio "$BATCHES" "$TRIVIAL_RPS")
R_PG=$(ratio "$CLICKS" "$PG_TPS")
M_REDIS=$(meets "$R_REDIS" 0.7)
M_TRIVIAL=$(meets "$R_TRIVIAL" 0.35)
M_PG=$(meets "$R_PG" 100)
R_GUARD_BATCHES=$(ratio "$(kv "$G" batches_per_s)" "$(kv "$B" batches_per_s)")
R_GUARD_SESSIONS=$(ratio "$(kv "$G" sessions_per_s)" "$(kv "$B" sessions_per_s)")
J_RPS=$(awk -v r="$(kv "$B" requests)" -v d="$(kv "$B" duration_s)" 'BEGIN { printf "%.1f", r / d }')
G_RPS=$(awk -v r="$(kv "$G" requests)" -v d="$(kv "$G" duration_s)" 'BEGIN { printf "%.1f", r / d }')
R_GUARD_REQUESTS=$(ratio "$G_RPS" "$J_RPS")
GUARD_COST=$(awk -v r="$R_GUARD_BATCHES" 'BEGIN { printf "%.1f%%", (1 - r) * 100 }')
M_GUARD=$(awk -v r="$R_GUARD_BATCHES" 'BEGIN { print (r >= 0.90) ? "met" : "MISSED" }')
JOURNEY_NON2XX=$((W_NON2XX + $(kv "$J" non2xx)))
for f in "$WORK"/baseline[0-9]*.txt "$WORK"/guard[0-9]*.txt; do JOURNEY_NON2XX=$((JOURNEY_NON2XX + $(kv "$f" non2xx))); done
GUARD_TRACE=""
for turn in $(seq 1 "$GUARD_TURNS"); do
  GUARD_TRACE="$GUARD_TRACE $(kv "$WORK/baseline$turn.txt" batches_per_s)/$(kv "$WORK/guard$turn.txt" batches_per_s)"
done
JOURNEY_SOCKET=$((W_SOCKET + $(kv "$J" socket_errors)))
BATCH_SIZE=$(awk -v c="$(kv "$J" clicks_accepted)" -v b="$(kv "$J" batches_ok)" 'BEGIN { if (b > 0) printf "%.1f", c / b; else print 0 }')

{
  echo
  echo "==================== clickgive benchmark — $(date -u +%Y-%m-%dT%H:%M:%SZ) ===================="
  echo "machine: $NCPU cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo); busy ${BACKGROUND}% of ${NCPU}00% just before the run"
  echo "app: java $JAVA_OPTS (prod profile); load: wrk $THREADS threads, $CONNECTIONS connections"
  echo "campaign $SLUG; journey ${DURATION} s after a ${WARMUP} s warm-up (batches/s per 10 s: $WARMUP_TRACE)"
  echo "CPU: 100% = one core, sampled mid-phase"
  echo
  echo "Journey (session -> 3 batches of 16-30 clicks; one wrk request = one session or one batch):"
  printf '  batches/s            %10s   (batches answered 200: %s, %s clicks each on average)\n' "$BATCHES" "$(kv "$J" batches_ok)" "$BATCH_SIZE"
  printf '  clicks/s             %10s   (accepted clicks: %s; rejected: %s)\n' "$CLICKS" "$(kv "$J" clicks_accepted)" "$(kv "$J" clicks_rejected)"
  printf '  sessions/s           %10s\n' "$(kv "$J" sessions_per_s)"
  printf '  journeys/s           %10s   (sessions whose 3 batches were answered)\n' "$(kv "$J" journeys_per_s)"
  printf '  batch latency        p50 %s ms, p90 %s ms, p99 %s ms, max %s ms (batch requests only, measured in the wrk script)\n' \
    "$(kv "$J" batch_p50_ms)" "$(kv "$J" batch_p90_ms)" "$(kv "$J" batch_p99_ms)" "$(kv "$J" batch_max_ms)"
  printf '  wrk latency          p50 %s ms, p99 %s ms (sessions and batches mixed)\n' "$(kv "$J" wrk_p50_ms)" "$(kv "$J" wrk_p99_ms)"
  printf '  answers              %s; reasons: %s\n' "$(kv "$J" statuses)" "$(kv "$J" reasons | sed 's/^$/none/')"
  printf '  CPU                  %s\n' "$CPU_JOURNEY"
  echo
  echo "Guard off / on in alternating ${DURATION} s slices (ABBA), one player per wrk thread, means of $GUARD_TURNS slices each:"
  echo "  batches/s off/on per turn:$GUARD_TRACE"
  echo "  guard off: $(kv "$B" batches_per_s) batches/s, $(kv "$B" sessions_per_s) sessions/s, batch p50 $(kv "$B" batch_p50_ms) ms; CPU (2nd slice) $CPU_BASELINE"
  echo "Guard on (each session carries a solved proof of work, minimum difficulty: the challenge that came with the"
  echo "previous grant, or a fresh one when the thread has none):"
  printf '  batches/s            %10s   (%s of guard off, same shape)\n' "$(kv "$G" batches_per_s)" "$R_GUARD_BATCHES"
  printf '  sessions/s           %10s   (%s of guard off, same shape; challenge requests/s %s)\n' "$(kv "$G" sessions_per_s)" \
    "$R_GUARD_SESSIONS" "$(kv "$G" challenges_per_s)"
  printf '  requests/s           %10s   (%s of guard off, same shape: challenges, sessions and batches)\n' \
    "$G_RPS" "$R_GUARD_REQUESTS"
  printf '  batch latency        p50 %s ms, p99 %s ms; answers %s; reasons: %s\n' "$(kv "$G" batch_p50_ms)" \
    "$(kv "$G" batch_p99_ms)" "$(kv "$G" statuses)" "$(kv "$G" reasons | sed 's/^$/none/')"
  printf '  CPU                  %s\n' "$CPU_GUARD"
  printf '  guard cost           %s of batches/s   target <= 10%%   %s\n' "$GUARD_COST" "$M_GUARD"
  echo
  echo "Comparisons (same run, same app):"
  printf '  trivial endpoint     %10s req/s   GET %s, %s s, p50 %s, p99 %s\n' "$TRIVIAL_RPS" "$TRIVIAL_URL" "$DURATION" "$TRIVIAL_P50" "$TRIVIAL_P99"
  printf '                                        CPU %s\n' "$CPU_TRIVIAL"
  printf '  redis-benchmark      %10s calls/s EVALSHA batch.lua, %s clients, %s calls (%s accepted), p50 %s ms, p99 %s ms\n' \
    "$RB_RPS" "$CONNECTIONS" "$RB_REQUESTS" "$RB_ACCEPTED" "$RB_P50" "$RB_P99"
  printf '                                        CPU %s\n' "$CPU_REDIS"
  printf '  pgbench              %10s tps     hot-row UPDATE, %s clients, %s s, latency avg %s ms, synchronous_commit %s, row = %s\n' \
    "$PG_TPS" "$CONNECTIONS" "$PG_DURATION" "$PG_LAT" "$PG_SYNC" "$PG_ROW"
  printf '                                        CPU %s\n' "$CPU_PGBENCH"
  printf '  (reference) totals   %10s req/s   GET /api/campaigns/<slug>/totals, %s s, p50 %s, p99 %s\n' "$TOTALS_RPS" "$TOTALS_SECONDS" "$TOTALS_P50" "$TOTALS_P99"
  echo
  echo "Ratios:"
  printf '  batches/s / redis-benchmark calls/s  %8s   target >= 0.7    %s\n' "$R_REDIS" "$M_REDIS"
  printf '  batches/s / trivial req/s            %8s   target >= 0.35   %s\n' "$R_TRIVIAL" "$M_TRIVIAL"
  printf '  clicks/s / pgbench tps               %8s   target >= 100    %s\n' "$R_PG" "$M_PG"
  echo
  echo "Errors:"
  printf '  wrk non-2xx answers: journey %s (warm-up + measured), trivial %s, totals %s; socket errors: %s, %s, %s\n' \
    "$JOURNEY_NON2XX" "$TRIVIAL_NON2XX" "$TOTALS_NON2XX" "$JOURNEY_SOCKET" "$TRIVIAL_SOCKET" "$TOTALS_SOCKET"
  printf '  unmatched batch answers %s; sessions dropped %s; batches replayed after wrk stopped %s (%s not answered 200)\n' \
    "$((W_UNMATCHED + $(kv "$J" batches_unmatched)))" "$((W_DROPPED + $(kv "$J" sessions_dropped)))" \
    "$REPLAYED" "$REPLAY_BAD"
  printf '  app log: %s ERROR, %s WARN, %s lines mentioning an exception\n' "$APP_ERRORS" "$APP_WARNS" "$APP_EXCEPTIONS"
  if [ "$JOURNEY_NON2XX" != 0 ]; then
    echo "  WARNING: the journey got $JOURNEY_NON2XX answers other than 2xx (see \"answers\" above): the figures do not measure the click path alone"
  fi
  if [ -n "$DISTURBED" ]; then
    echo "  WARNING: other processes used 10% of a core or more during:$DISTURBED — those figures are disturbed"
  fi
  echo
  echo "$LEDGER_LINE"
  printf '  (%s ledger rows; Redis counters %s clicks; ledger streams empty %s s after the journey)\n' "$LEDGER_ROWS" "$REDIS_CLICKS" "$LEDGER_WAIT"
  echo "=========================================================================================================="
} | tee "$WORK/results.txt"

if [ "$LEDGER_OK" != 1 ]; then
  exit 1
fi
if [ "$REPLAY_BAD" != 0 ]; then
  log "some replays were not answered 200"
  exit 1
fi
if [ "$STRICT" = 1 ] && { [ "$M_REDIS" != met ] || [ "$M_TRIVIAL" != met ] || [ "$M_PG" != met ] || [ "$M_GUARD" != met ]; }; then
  log "--strict: a target was missed"
  exit 3
fi
