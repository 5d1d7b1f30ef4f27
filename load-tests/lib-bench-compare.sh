# shellcheck shell=bash
# Sourced by load-tests/bench.sh, after lib.sh and lib-bench.sh: the comparisons measured in the same run (the
# trivial endpoint and the totals, redis-benchmark on the count script, pgbench on a hot-row update), then the
# results block: the ratios, the targets and everything bench.sh prints at the end.

SCRIPT_FILE="$ROOT/src/main/resources/redis/batch.lua" # the count script, as the app loads it

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
measure_trivial() { # sets TRIVIAL_* and CPU_TRIVIAL, then TOTALS_* (the reference)
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
}

# ---------------------------------------------------------------------------------------------------------------------
# (b) The count script alone: redis-benchmark, EVALSHA with the arguments the app passes for one batch of the
# guard-off journey: 24 clicks, first offset 3334, checks of window, order and cap.
# Every call names a random session among RB_SESSIONS pre-created session hashes (HSET clicks 0 last -1, as grant.lua
# does) and a random fresh seq, so it takes the accept path: HMGET, HSET, 2 x HINCRBY, XADD. A session drawn a second
# time answers OUT_OF_ORDER (its offsets do not follow those it counted), the cheaper path: with 2 million sessions
# that is a few percent of the calls, and the results say how many were accepted.
RB_SESSIONS=2000000
rb() { # $1 = calls
  timeout 120 redis-benchmark -h "$HOST" -p 6379 --dbnum "$REDIS_DB" -c "$CONNECTIONS" -n "$1" -r "$RB_SESSIONS" \
    --csv "${RB_ARGS[@]}"
}
measure_redis() { # sets RB_RPS, RB_P50, RB_P99, RB_REQUESTS, RB_ACCEPTED and CPU_REDIS
  local chunk calibration
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
  RB_CALL="{\"seq\":1__rand_int__,\"count\":24,\"first\":3334,\"last\":${RB_OFFSETS##*,},\"now\":$NOW_MS,\"deadline\":$((NOW_MS + 86400000)),\"elapsed\":600000,\"tolerance\":600000,\"cap\":1000000000,\"session\":\"__rand_int__\",\"region\":\"MA-06\",\"player\":\"QeDI4YEFQCSy-ekUvHaMNw\",\"network\":\"bench-net\",\"team\":0,\"rate\":10,\"extra\":0,\"purse\":false,\"cost\":10,\"refilled\":false,\"minute\":$((NOW_MS / 60000)),\"guard\":false}"
  RB_ARGS=(EVALSHA "$SHA" 7 "$RB_PREFIX:session:__rand_int__" "$RB_PREFIX:totals" "$RB_PREFIX:minutes" "$RB_PREFIX:ledger"
    "$RB_PREFIX:player:QeDI4YEFQCSy-ekUvHaMNw" "$RB_PREFIX:held" "$RB_PREFIX:trips:bench-net" "$RB_CALL")
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
}

# ---------------------------------------------------------------------------------------------------------------------
# (c) What a naive engine would do per click: a hot-row UPDATE on a one-row table, one transaction each.
measure_pgbench() { # sets PG_TPS, PG_LAT, PG_ROW, PG_SYNC and CPU_PGBENCH
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
}

# ---------------------------------------------------------------------------------------------------------------------
# Results
bench_results() { # after stop_app: the app log's counts, the ratios, the targets met or missed, the error sums
  local f turn
  APP_ERRORS=$(grep -c ' ERROR ' "$WORK/app.log" || true)
  APP_WARNS=$(grep -c ' WARN ' "$WORK/app.log" || true)
  APP_EXCEPTIONS=$(grep -c 'Exception' "$WORK/app.log" || true)
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
  R_PLAYERS=$(ratio "$(kv "$PP" batches_per_s)" "$(kv "$TP" batches_per_s)")
  M_PLAYERS=$(awk -v r="$R_PLAYERS" 'BEGIN { print (r >= 0.90) ? "met" : "MISSED" }')
  PLAYERS_TRACE=""
  for turn in $(seq 1 "$GUARD_TURNS"); do
    PLAYERS_TRACE="$PLAYERS_TRACE $(kv "$WORK/plain$turn.txt" batches_per_s)/$(kv "$WORK/players$turn.txt" batches_per_s)"
  done
  JOURNEY_NON2XX=$((W_NON2XX + $(kv "$J" non2xx)))
  for f in "$WORK"/baseline[0-9]*.txt "$WORK"/guard[0-9]*.txt; do JOURNEY_NON2XX=$((JOURNEY_NON2XX + $(kv "$f" non2xx))); done
  GUARD_TRACE=""
  for turn in $(seq 1 "$GUARD_TURNS"); do
    GUARD_TRACE="$GUARD_TRACE $(kv "$WORK/baseline$turn.txt" batches_per_s)/$(kv "$WORK/guard$turn.txt" batches_per_s)"
  done
  JOURNEY_SOCKET=$((W_SOCKET + $(kv "$J" socket_errors)))
  BATCH_SIZE=$(awk -v c="$(kv "$J" clicks_accepted)" -v b="$(kv "$J" batches_ok)" 'BEGIN { if (b > 0) printf "%.1f", c / b; else print 0 }')
}

print_results() { # the results block, on stdout
  echo
  echo "==================== clickgive benchmark — $(date -u +%Y-%m-%dT%H:%M:%SZ) ===================="
  echo "machine: $NCPU cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo); busy ${BACKGROUND}% of ${NCPU}00% just before the run"
  echo "app: java $APP_JAVA_OPTS (prod profile); load: wrk $THREADS threads, $CONNECTIONS connections"
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
  echo "Teams and a matching hour (x2) without / with, in alternating ${DURATION} s slices (ABBA), one player per wrk thread,"
  echo "every player in one team; means of $GUARD_TURNS slices each:"
  echo "  batches/s without/with per turn:$PLAYERS_TRACE"
  printf '  without              %10s batches/s, batch p50 %s ms, p99 %s ms\n' "$(kv "$TP" batches_per_s)" \
    "$(kv "$TP" batch_p50_ms)" "$(kv "$TP" batch_p99_ms)"
  printf '  with                 %10s batches/s, batch p50 %s ms, p99 %s ms (%s of without)   target >= 0.90   %s\n' \
    "$(kv "$PP" batches_per_s)" "$(kv "$PP" batch_p50_ms)" "$(kv "$PP" batch_p99_ms)" "$R_PLAYERS" "$M_PLAYERS"
  printf '  recorded             %s of its %s clicks with their team, %s at x2\n' "$PLAYERS_TEAMED" "$PLAYERS_ALL" "$PLAYERS_MATCHED"
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
}
