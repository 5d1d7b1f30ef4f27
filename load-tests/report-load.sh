#!/usr/bin/env bash
# The public report under its readers, beside the game, with a ledger of millions of rows (issue 14, item 5).
# Seeds the ledger of a live campaign with LEDGER_ROWS rows (5 000 000) straight into PostgreSQL, then plays the
# simulated players (replay/Replay.java) in four phases, ABBA: A the players alone, B the players and READERS (200)
# anonymous report readers, each asking for the report every second (ten times the report page's pace; one request
# in ten is the HTML page). Prints, per phase, the players' accepted clicks per second, batch latency and ledger lag
# (p99 and max), the readers' answers, and the B/A ratios (after a warm-up phase, players and readers, not counted); first, what one report request cost before the running
# sums (the aggregate it used to run over the ledger, timed in psql) and costs now.
#
# Usage: load-tests/report-load.sh [--no-build]
# Settings (environment): LEDGER_ROWS (5000000) READERS (200) PHASE_SECONDS (30) PHASE_PLAYERS (1500)
#   REPORT_PORT (8094) REPORT_DB (clickgive_report) REPORT_REDIS_DB (5)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
NAME=report
BUILD=1
for arg in "$@"; do
  case "$arg" in
    --no-build) BUILD=0 ;;
    -h|--help) sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown argument: $arg (see --help)" >&2; exit 2 ;;
  esac
done
ROWS=${LEDGER_ROWS:-5000000}
READERS=${READERS:-200}
PHASE_SECONDS=${PHASE_SECONDS:-30}
PHASE_PLAYERS=${PHASE_PLAYERS:-1500}
PORT=${REPORT_PORT:-8094}
DB=${REPORT_DB:-clickgive_report}
REDIS_DB=${REPORT_REDIS_DB:-5}
WORK=$(mktemp -d /tmp/clickgive-report.XXXXXX)
# shellcheck source=load-tests/lib.sh
. "$ROOT/load-tests/lib.sh"
trap 'stop_app; log "Logs and raw outputs: $WORK"' EXIT

build_unless "$BUILD"
fresh_data
start_app
SLUG="report-$(date +%s)"
ID=$(create_campaign "$SLUG")

log "Seeding the ledger of $SLUG with $ROWS rows"
t0=$(date +%s)
"${PSQL[@]}" -d "$DB" <<SQL
INSERT INTO donation (campaign_id, engagement, session_id, seq, shard, region_code, player, units, megabytes, donated_at)
SELECT $ID, 'CLICK', 'seed-' || (g / 20), g % 20 + 1, g % 8,
       (ARRAY['MA-01','MA-02','MA-03','MA-04','MA-05','MA-06','MA-07','MA-08','MA-09','MA-10','MA-11','MA-12'])[g % 12 + 1],
       'seed-player-' || (g / 200), 5, 50, now() - make_interval(secs => g / 1000.0)
FROM generate_series(0, $ROWS - 1) AS g;
ANALYZE donation;
SQL
log "Seeded in $(( $(date +%s) - t0 )) s"

# What a report request cost before: the two aggregates it ran over the counted ledger (as in the earlier release).
old_ms=()
for _ in 1 2 3; do
  old_ms+=("$("${PSQL[@]}" -d "$DB" <<SQL | awk '/^Time:/ { t += $2 } END { printf "%.0f", t }'
\\timing on
SELECT region_code, sum(megabytes) FROM counted_donation WHERE campaign_id = $ID GROUP BY region_code;
SELECT coalesce(sum(units) FILTER (WHERE engagement = 'CLICK'), 0), coalesce(sum(units) FILTER (WHERE engagement = 'LIKE'), 0) FROM counted_donation WHERE campaign_id = $ID;
SQL
)")
done
now_ms=()
for _ in 1 2 3; do
  now_ms+=("$(curl -s -o /dev/null -w '%{time_total}' "$BASE/api/campaigns/$SLUG/report" | awk '{ printf "%.1f", $1 * 1000 }')")
  sleep 5.5 # past the report's freshness, so each is a build
done
clicks=$(curl -s "$BASE/api/campaigns/$SLUG/report" | grep -o '"confirmedClicks":[0-9]*' | cut -d: -f2)
log "The report counts $clicks clicks"

phase() { # $1 = name (A or B), $2 = index
  local name="$1-$2" readers_pid=""
  if [ "$1" != A ]; then
    python3 "$ROOT/load-tests/report-readers.py" "$BASE" "$SLUG" "$((PHASE_SECONDS + 10))" "$READERS" 1 \
      >"$WORK/$name.readers" 2>&1 &
    readers_pid=$!
  fi
  log "Phase $name: $PHASE_PLAYERS players for $PHASE_SECONDS s$( [ "$1" != A ] && echo ", $READERS report readers")"
  players "$SLUG" "$ID" clicks=1000000000 players="$PHASE_PLAYERS" seconds="$PHASE_SECONDS" connections=128 \
    >"$WORK/$name.txt" 2>"$WORK/$name.players.log" || die "players failed: $(tail -5 "$WORK/$name.players.log")"
  [ -z "$readers_pid" ] || wait "$readers_pid"
  await_ledger "$ID" 0 60 >/dev/null || true
}

phase W 0 # warm-up of both paths (the JIT, the pools, the report page's template), with readers, not counted
for step in A:1 B:1 B:2 A:2; do phase "${step%%:*}" "${step##*:}"; done

figure() { kv "$WORK/$1.txt" "$2"; }
mean() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (a + b) / 2 }'; }
{
  echo "---- report readers beside the game (ledger of $ROWS seeded rows, $READERS readers, ABBA) ----"
  echo "one report request before (two aggregates over the ledger, psql): ${old_ms[*]} ms"
  echo "one report request now (built from the running sums, HTTP):       ${now_ms[*]} ms"
  for name in A-1 B-1 B-2 A-2; do
    printf '%s  clicks/s %6s  batch p99 %6s ms  ledger lag p99 %6s ms, max %6s ms  errors %s' "$name" \
      "$(figure "$name" clicks_per_s)" "$(figure "$name" batch_p99_ms)" "$(figure "$name" ledger_lag_p99_ms)" \
      "$(figure "$name" ledger_lag_max_ms)" "$(figure "$name" errors)"
    [ -f "$WORK/$name.readers" ] && printf '  readers: %s' "$(cat "$WORK/$name.readers")"
    echo
  done
  for key in clicks_per_s batch_p99_ms ledger_lag_p99_ms ledger_lag_max_ms; do
    a=$(mean "$(figure A-1 $key)" "$(figure A-2 $key)")
    b=$(mean "$(figure B-1 $key)" "$(figure B-2 $key)")
    printf '%-18s  A %8s  B %8s  B/A %s\n' "$key" "$a" "$b" "$(ratio "$b" "$a" 2)"
  done
} | tee "$WORK/summary.txt"
