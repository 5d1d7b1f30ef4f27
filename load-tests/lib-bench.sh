# shellcheck shell=bash disable=SC2034 # the figures set here are read by lib-bench-compare.sh and bench.sh
# Sourced by load-tests/bench.sh, after lib.sh: its tools and clean-up, the CPU accounting, the campaigns, the journey
# runs (warm-up, measured, guard off and on) and the ledger check. Each step sets the figures it measured as global
# variables; lib-bench-compare.sh (the comparisons) and its print_results use them. Expects bench.sh's settings
# (THREADS, CONNECTIONS, DURATION, ...) and HERE.

# The trivial endpoint: liveness on the management interface (same Vert.x event loops as the app's port).
TRIVIAL_URL="http://$HOST:$((PORT + 1000))/q/health/live"
RB_PREFIX="cg:{c0.s0}" # redis-benchmark's keys: campaign 0 does not exist (ids start at 1), so the app never reads them
BG_PID=""
# The campaigns' fields other than the guard (lib.sh's create_campaign): at most 160 clicks per session.
BENCH_CAMPAIGN='"names":{"ar":"قياس","fr":"Banc d'"'"'essai","en":"Benchmark"},"goalGigabytes":400,"maxClicksPerSession":160'

kill_tree() { # $1 = pid: its descendants first, then itself
  local child
  for child in $(pgrep -P "$1" 2>/dev/null || true); do kill_tree "$child"; done
  kill "$1" 2>/dev/null || true
}

bench_cleanup() {
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

bench_tools() { # wrk (installed when missing and root) and the other load generators; sets CLK_TCK and NCPU
  if ! command -v wrk >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      log "Installing wrk (Debian package)"
      timeout 300 apt-get update -qq >/dev/null
      DEBIAN_FRONTEND=noninteractive timeout 300 apt-get install -y -qq wrk >/dev/null
    else
      die "wrk is missing: apt-get install wrk"
    fi
  fi
  need java curl psql pgbench redis-cli redis-benchmark awk sha1sum timeout getconf
  CLK_TCK=$(getconf CLK_TCK)
  NCPU=$(nproc)
}

# ---------------------------------------------------------------------------------------------------------------------
# CPU accounting. A mark is the time, the machine's busy/total ticks and every process's ticks; a report splits the
# CPU used between two marks into the app, Redis, PostgreSQL, the load generator, kernel threads and other processes
# (100% = one core). Processes that start and end between two marks are missed.
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

meets() { awk -v r="$1" -v t="$2" 'BEGIN { if (r == "n/a") print "n/a"; else if (r + 0 >= t + 0) print "met"; else print "MISSED" }'; }
at_least_1() { awk -v x="$1" 'BEGIN { x = int(x); print (x < 1 ? 1 : x) }'; }


# ---------------------------------------------------------------------------------------------------------------------
# Other work on the machine skews every figure: wait a while for it to calm down, and report it.
wait_for_quiet() { # sets BACKGROUND: percent of the machine busy just before the run
  local waited
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
}

# ---------------------------------------------------------------------------------------------------------------------
# The click path measured against Redis and the trivial endpoint runs with the guard off; the same journey then runs
# with the guard on (proof of work at its minimum difficulty, no per-player limit: see journey.lua) to price the guard.
bench_campaigns() { # sets SLUG, CAMPAIGN_ID, GUARD_SLUG, GUARD_ID; exports CG_IDENTITIES for journey.lua
  SLUG="bench-$(date -u +%Y%m%d%H%M%S)"
  # wrk sends a session's batches at once, not over its ten seconds: the clock check on offsets (FUTURE) is relaxed on both
  # campaigns (it costs the same comparison either way). The guarded campaign's players are established from their first
  # round (establishRounds 0), as on a kiosk: the budget for new players is abuse.sh's to measure, not the click path's.
  CAMPAIGN_ID=$(create_campaign "$SLUG" '{"enabled":false,"futureToleranceMs":600000}' "$BENCH_CAMPAIGN")
  GUARD_SLUG="$SLUG-guard"
  GUARD_ID=$(create_campaign "$GUARD_SLUG" '{"enabled":true,"powDifficulty":0,"playerIntervalSeconds":0,"establishRounds":0,"futureToleranceMs":600000}' \
    "$BENCH_CAMPAIGN")
  if [ -z "$CAMPAIGN_ID" ] || [ -z "$GUARD_ID" ]; then die "campaigns not found in PostgreSQL"; fi
  log "Campaigns $SLUG (id $CAMPAIGN_ID, guard off) and $GUARD_SLUG (id $GUARD_ID, guard on) are live"
  # One server-issued identity per wrk thread, minted as a phone would (the puzzle solved in Python).
  IDENTITIES=$(python3 "$HERE/mint.py" "$BASE" "$THREADS") || die "minting identities failed"
  export CG_IDENTITIES="$IDENTITIES"
}

# ---------------------------------------------------------------------------------------------------------------------
# Journey runs: each adds to ACKNOWLEDGED, REPLAYED and REPLAY_BAD (bench.sh sets them to 0)

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
warm_up() { # sets WARMUP (s), WARMUP_TRACE and the warm-up's error counts W_*
  local rates=() slice=0 settled=0 seconds rate
  WARMUP=0
  WARMUP_TRACE=""
  W_NON2XX=0 W_SOCKET=0 W_UNMATCHED=0 W_DROPPED=0
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
}

measure_journey() { # the measured journey: sets J (its figures' file) and CPU_JOURNEY
  log "Journey for ${DURATION} s"
  run_sampled journey "$(at_least_1 $((DURATION - 2)))" journey_wrk journey "$DURATION" \
    || { cat "$WORK/journey.out" >&2; die "wrk (journey) failed"; }
  journey_done journey
  J="$WORK/journey.txt"
  log "Journey: $(kv "$J" batches_per_s) batches/s, $(kv "$J" clicks_per_s) clicks/s ($CPU_JOURNEY)"
}

# The guard's price, like for like: the journey with one fingerprint per wrk thread (the shape the guard-on journey
# needs), guard off and guard on in turn — 20 s of warm-up for the guard's own code paths, then BENCH_GUARD_TURNS (4)
# turns of two DURATION s slices — so that the slow drift of a long run (session keys expiring by the million, a growing
# ledger) weighs on both sides alike. The figures are the means of each side's slices.
guard_turns() { # sets B and G (the means of the guard-off and guard-on slices), CPU_BASELINE and CPU_GUARD
  local slice turn figure
  log "Guard: warm-up 20 s, then $GUARD_TURNS turns of guard off and on (ABBA), ${DURATION} s each, one player per wrk thread"
  JOURNEY_ONE_PLAYER=1
  JOURNEY_SLUG="$GUARD_SLUG" JOURNEY_GUARD=1
  for slice in 1 2; do
    journey_wrk "guardwarmup$slice" 10 >"$WORK/guardwarmup$slice.out" 2>&1 \
      || { cat "$WORK/guardwarmup$slice.out" >&2; die "wrk (guard warm-up) failed"; }
    journey_done "guardwarmup$slice"
    W_NON2XX=$((W_NON2XX + $(kv "$WORK/guardwarmup$slice.txt" non2xx)))
  done
  # Odd turns run off then on, even turns on then off (ABBA), so a drift within a turn weighs on both sides alike.
  for turn in $(seq 1 "$GUARD_TURNS"); do
    if [ $((turn % 2)) -eq 1 ]; then guard_slice off "$turn"; guard_slice on "$turn"
    else guard_slice on "$turn"; guard_slice off "$turn"; fi
    log "Turn $turn: guard off $(kv "$WORK/baseline$turn.txt" batches_per_s), on $(kv "$WORK/guard$turn.txt" batches_per_s) batches/s"
  done
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
}
guard_slice() { # $1 = off|on, $2 = turn
  local name
  if [ "$1" = off ]; then name="baseline$2"; JOURNEY_SLUG="$SLUG" JOURNEY_GUARD=0
  else name="guard$2"; JOURNEY_SLUG="$GUARD_SLUG" JOURNEY_GUARD=1; fi
  run_sampled "$name" "$(at_least_1 $((DURATION - 2)))" journey_wrk "$name" "$DURATION" \
    || { cat "$WORK/$name.out" >&2; die "wrk ($name journey) failed"; }
  journey_done "$name"
}
# Teams and a matching hour, on against off in the same run (ABBA): the player's team rides in the grant's answer and
# every ledger entry, the window's rate in every batch call; both must cost the click path little (target: within 10%).
players_turns() { # sets PLAYERS_ID, TP (means without) and PP (means with), PLAYERS_TEAMED and PLAYERS_MATCHED
  local turn figure id code="" ids
  PLAYERS_SLUG="$SLUG-players"
  PLAYERS_ID=$(create_campaign "$PLAYERS_SLUG" '{"enabled":false,"futureToleranceMs":600000}' "$BENCH_CAMPAIGN")
  # A window on now (scheduling asks a minute ahead; the bench writes it as one scheduled earlier would be).
  "${PSQL[@]}" -d "$DB" -c "insert into matching_window (campaign_id, starts_at, ends_at, rate_tenths, created_by,
      created_at) values ($PLAYERS_ID, now() - interval '1 minute', now() + interval '2 hours', 20, 'bench',
      now() - interval '1 hour')" >/dev/null
  IFS=, read -ra ids <<<"$CG_IDENTITIES"
  for id in "${ids[@]}"; do # every wrk thread's player in one team: the first creates it, the others join
    if [ -z "$code" ]; then
      code=$(curl -s -m 10 -H 'Content-Type: application/json' -d "{\"identity\":\"$id\",\"name\":\"Bench team\",\"region\":\"MA-06\"}" \
        "$BASE/api/campaigns/$PLAYERS_SLUG/teams" | grep -o '"code":"[a-z0-9]*"' | cut -d'"' -f4)
      [ -n "$code" ] || die "the bench's team could not be created"
    else
      curl -s -m 10 -o /dev/null -H 'Content-Type: application/json' -d "{\"identity\":\"$id\"}" \
        "$BASE/api/campaigns/$PLAYERS_SLUG/teams/$code/members"
    fi
  done
  sleep 3 # every catalog refresh (2 s) has the window
  log "Teams and matching: $GUARD_TURNS turns of without and with (ABBA), ${DURATION} s each, one player per wrk thread"
  JOURNEY_ONE_PLAYER=1 JOURNEY_GUARD=0
  for turn in $(seq 1 "$GUARD_TURNS"); do
    if [ $((turn % 2)) -eq 1 ]; then players_slice without "$turn"; players_slice with "$turn"
    else players_slice with "$turn"; players_slice without "$turn"; fi
    log "Turn $turn: without $(kv "$WORK/plain$turn.txt" batches_per_s), with $(kv "$WORK/players$turn.txt" batches_per_s) batches/s"
  done
  TP="$WORK/plain.txt"
  PP="$WORK/players.txt"
  for figure in batches_per_s sessions_per_s batch_p50_ms batch_p99_ms non2xx; do
    echo "$figure=$(mean_of "$figure" "$WORK"/plain[0-9]*.txt)" >>"$TP"
    echo "$figure=$(mean_of "$figure" "$WORK"/players[0-9]*.txt)" >>"$PP"
  done
  unset JOURNEY_SLUG JOURNEY_GUARD JOURNEY_ONE_PLAYER
}
players_slice() { # $1 = without|with, $2 = turn
  local name
  if [ "$1" = without ]; then name="plain$2"; JOURNEY_SLUG="$SLUG"; else name="players$2"; JOURNEY_SLUG="$PLAYERS_SLUG"; fi
  journey_wrk "$name" "$DURATION" >"$WORK/$name.out" 2>&1 || { cat "$WORK/$name.out" >&2; die "wrk ($name journey) failed"; }
  journey_done "$name"
}
players_recorded() { # after the ledger drained: the players campaign's clicks recorded with a team, and at x2
  PLAYERS_TEAMED=$("${PSQL[@]}" -d "$DB" -c "select coalesce(sum(units), 0) from donation where campaign_id = $PLAYERS_ID and team_id is not null")
  PLAYERS_MATCHED=$("${PSQL[@]}" -d "$DB" -c "select coalesce(sum(units), 0) from donation where campaign_id = $PLAYERS_ID and rate_tenths = 20")
  PLAYERS_ALL=$("${PSQL[@]}" -d "$DB" -c "select coalesce(sum(units), 0) from donation where campaign_id = $PLAYERS_ID")
}
mean_of() { # $1 = figure, then the files
  local key=$1
  shift
  for f in "$@"; do kv "$f" "$key"; done | awk '{ s += $1; n++ } END { printf "%.1f", s / n }'
}

# ---------------------------------------------------------------------------------------------------------------------
# Ledger check: wait until the LedgerWriter emptied the campaign's ledger streams (it deletes an entry only after its
# transaction committed), then compare the ledger with the tally and with the Redis counters.
streams_left() {
  "${RCLI[@]}" EVAL "local n = 0 for _, p in ipairs(ARGV) do for _, k in ipairs(redis.call('KEYS', p)) do
      n = n + redis.call('XLEN', k) end end return n" 0 "cg:{c$CAMPAIGN_ID.s*}:ledger" "cg:{c$GUARD_ID.s*}:ledger" \
      "cg:{c${PLAYERS_ID:-0}.s*}:ledger"
}
ledger_sum() {
  "${PSQL[@]}" -d "$DB" -c "select coalesce(sum(units), 0) from donation where campaign_id in ($CAMPAIGN_ID, $GUARD_ID, ${PLAYERS_ID:-0}) and engagement = 'CLICK'"
}
check_ledger() { # sets LEDGER_OK, LEDGER_LINE, LEDGER_WAIT (s), RECORDED, LEDGER_ROWS and REDIS_CLICKS
  local previous left recorded
  log "Waiting for the LedgerWriter to drain the campaign's ledger streams"
  LEDGER_T0=$(date +%s.%N)
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
  LEDGER_ROWS=$("${PSQL[@]}" -d "$DB" -c "select count(*) from donation where campaign_id in ($CAMPAIGN_ID, $GUARD_ID, ${PLAYERS_ID:-0})")
  REDIS_CLICKS=$("${RCLI[@]}" EVAL "local n = 0 for _, p in ipairs(ARGV) do for _, k in ipairs(redis.call('KEYS', p)) do
      local h = redis.call('HGETALL', k) for i = 1, #h, 2 do if string.sub(h[i], 1, 2) == 'r:' then n = n + tonumber(h[i + 1]) end end
    end end return n" 0 "cg:{c$CAMPAIGN_ID.s*}:totals" "cg:{c$GUARD_ID.s*}:totals" "cg:{c${PLAYERS_ID:-0}.s*}:totals")
  if [ "$DRAINED" = 1 ] && [ "$RECORDED" = "$ACKNOWLEDGED" ] && [ "$REDIS_CLICKS" = "$RECORDED" ]; then
    LEDGER_OK=1
    LEDGER_LINE="ledger: $ACKNOWLEDGED clicks acknowledged, $RECORDED recorded — OK"
  else
    LEDGER_OK=0
    LEDGER_LINE="ledger: $ACKNOWLEDGED clicks acknowledged, $RECORDED recorded (Redis counters: $REDIS_CLICKS, streams drained: $([ "$DRAINED" = 1 ] && echo yes || echo NO)) — FAILED"
  fi
  log "$LEDGER_LINE (waited ${LEDGER_WAIT} s)"
}
