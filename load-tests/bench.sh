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
NAME=bench

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
APP_JAVA_OPTS=${BENCH_JAVA_OPTS:--Xms512m -Xmx512m -XX:+UseParallelGC}
IDENTITY_BASE=none # the app's own first mint puzzle (production's): mint.py solves it once per wrk thread
WORK=$(mktemp -d /tmp/clickgive-bench.XXXXXX)
# shellcheck source=load-tests/lib.sh
. "$HERE/lib.sh"
# shellcheck source=load-tests/lib-bench.sh
. "$HERE/lib-bench.sh"
# shellcheck source=load-tests/lib-bench-compare.sh
. "$HERE/lib-bench-compare.sh"
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

bench_tools
build_app "$BUILD"
if port_taken "$PORT"; then die "something already listens on $HOST:$PORT; stop it or set BENCH_PORT"; fi
wait_for_quiet                 # other work on the machine skews every figure
fresh_data                     # a clean database and Redis db
# shellcheck disable=SC2119 # start_app's arguments are extra JVM flags: none here
start_app
bench_campaigns                # guard off (the click path) and guard on (its price)

# The journey with wrk and journey.lua: warm-up, measured, then guard off and on in turns. Each run's unanswered
# batches are replayed; the tally of acknowledged clicks covers them all.
ACKNOWLEDGED=0   # clicks the service said it accepted, over every journey run and replay
REPLAYED=0       # batches replayed after a run because wrk stopped before reading their answer
REPLAY_BAD=0     # replays not answered 200
warm_up
measure_journey
guard_turns
players_turns                  # teams and a matching hour on, against off (ABBA)
check_ledger                   # every acknowledged click in the ledger, and in the Redis counters
players_recorded               # the players campaign's clicks carry their team and the window's rate

# The comparisons, in the same run
measure_trivial
measure_redis
measure_pgbench

stop_app
bench_results
print_results | tee "$WORK/results.txt"

if [ "$LEDGER_OK" != 1 ]; then
  exit 1
fi
if [ "$REPLAY_BAD" != 0 ]; then
  log "some replays were not answered 200"
  exit 1
fi
if [ "$STRICT" = 1 ] && { [ "$M_REDIS" != met ] || [ "$M_TRIVIAL" != met ] || [ "$M_PG" != met ] || [ "$M_GUARD" != met ] || [ "$M_PLAYERS" != met ]; }; then
  log "--strict: a target was missed"
  exit 3
fi
