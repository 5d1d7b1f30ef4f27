# shellcheck shell=bash
# Shared by the load tests (sourced): the packaged app on loopback against local PostgreSQL and Redis, a campaign,
# the simulated players (replay/*.java, compiled once per run) and the ledger's checks.
# Expects ROOT, WORK, PORT, DB, REDIS_DB and NAME (the log prefix) to be set. IDENTITY_BASE (0) is the first mint
# puzzle's size: the simulated phones share the 2 cores with the app, so by default minting costs them nothing;
# "none" leaves the app's own default (production's). APP_JAVA_OPTS: the app's JVM flags (a fixed 512 MB heap, the
# parallel collector).

HOST=127.0.0.1
BASE="http://$HOST:$PORT"
JAR="$ROOT/target/quarkus-app/quarkus-run.jar"
PSQL=(psql -h "$HOST" -p 5432 -U postgres -v ON_ERROR_STOP=1 -qAt)
RCLI=(redis-cli -h "$HOST" -p 6379 -n "$REDIS_DB")
APP_JAVA_OPTS=${APP_JAVA_OPTS:--Xms512m -Xmx512m -XX:+UseParallelGC}
# The run's own database starts empty: its first admin gets a throw-away password.
ADMIN_PASSWORD="load-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
TOKEN_KEY="load-token-key-$(date +%s%N)-0123456789abcdef"
PRIVACY_KEY="load-privacy-key-$(date +%s%N)"
# The console's cookie key: production refuses to start without one (common.SecretsCheck).
SESSION_KEY="load-session-key-$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')"
APP_PID=""

log() { printf '[%s %s] %s\n' "$NAME" "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

need() { # tools that must be on the PATH
  local tool
  for tool in "$@"; do command -v "$tool" >/dev/null 2>&1 || die "$tool is missing"; done
}

build_app() { # $1 = 1 to build: PostgreSQL and Redis up, then the jar built (or already there)
  need java curl psql redis-cli awk
  "$ROOT/bin/services" >/dev/null || die "bin/services could not bring PostgreSQL and Redis up"
  if [ "$1" = 1 ]; then
    log "Building: ./mvnw -B package -DskipTests (log: $WORK/build.log)"
    (cd "$ROOT" && timeout 900 ./mvnw -B package -DskipTests) >"$WORK/build.log" 2>&1 \
      || { tail -30 "$WORK/build.log" >&2; die "build failed"; }
  fi
  [ -f "$JAR" ] || die "$JAR is missing (build first, or drop --no-build)"
}

# The players need Vert.x and Jackson only: the app's own runtime classpath has them (PLAYERS_CP). Their sources
# (load-tests/replay/*.java) are compiled once into $WORK/players, before any load starts.
players_build() {
  need javac
  (cd "$ROOT" && ./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$WORK/cp.txt") \
    >"$WORK/classpath.log" 2>&1 || { cat "$WORK/classpath.log" >&2; die "could not list the classpath"; }
  PLAYERS_CP=$(tr ':' '\n' <"$WORK/cp.txt" | grep -E '/(vertx-core-|netty-|jackson-(core|databind|annotations)-)[^/]*\.jar$' | paste -sd:)
  javac -d "$WORK/players" -cp "$PLAYERS_CP" "$ROOT"/load-tests/replay/*.java >"$WORK/players-javac.log" 2>&1 \
    || { cat "$WORK/players-javac.log" >&2; die "the players did not compile"; }
}

build_unless() { # $1 = 1 to build; then the players
  build_app "$1"
  players_build
}

port_taken() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; } # $1 = port: something listens on it

fresh_db() {
  "${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB" 2>&1 | grep -v '^NOTICE' >&2 || true
  "${PSQL[@]}" -d "$DB" -c 'select 1' >/dev/null || die "database $DB was not created"
}

fresh_data() {
  log "Recreating database $DB and flushing Redis db $REDIS_DB"
  fresh_db
  "${RCLI[@]}" FLUSHDB >/dev/null
}

# The app listens on 127.0.0.1 only and believes X-Forwarded-For from 127.0.0.1 (its default trusted proxy, set here
# explicitly): the players and the wrk script play the service's own proxy.
start_app() { # extra JVM flags as arguments
  local flags
  read -r -a flags <<<"$APP_JAVA_OPTS"
  if [ "${IDENTITY_BASE:-0}" != none ]; then flags+=(-Dclickgive.identity.base="${IDENTITY_BASE:-0}"); fi
  log "Starting the app on $BASE (JVM options: $APP_JAVA_OPTS${*:+ $*}; log: $WORK/app.log)"
  CLICKGIVE_TOKEN_KEY="$TOKEN_KEY" CLICKGIVE_PRIVACY_KEY="$PRIVACY_KEY" CLICKGIVE_SESSION_KEY="$SESSION_KEY" \
  DB_URL="jdbc:postgresql://$HOST:5432/$DB" REDIS_URL="redis://$HOST:6379/$REDIS_DB" PORT="$PORT" MANAGEMENT_PORT=$((PORT + 1000)) \
    java "${flags[@]}" "$@" -Dquarkus.http.host=$HOST -Dquarkus.management.host=$HOST \
      -Dclickgive.guard.trusted-proxies=127.0.0.1/32 -Dclickgive.security.admin-password="$ADMIN_PASSWORD" \
      -jar "$JAR" >>"$WORK/app.log" 2>&1 &
  APP_PID=$!
  # Health and metrics are on the management interface, a port of its own (1000 above the app's here).
  local started management="http://$HOST:$((PORT + 1000))"
  started=$(date +%s%N)
  for _ in $(seq 1 240); do
    kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$WORK/app.log" >&2; die "the app exited during start-up"; }
    if [ "$(curl -s -m 2 -o /dev/null -w '%{http_code}' "$management/q/health/ready" || true)" = 200 ]; then
      APP_READY_MS=$(( ($(date +%s%N) - started) / 1000000 ))
      log "App ready (pid $APP_PID) in $APP_READY_MS ms"
      return 0
    fi
    sleep 0.25
  done
  tail -30 "$WORK/app.log" >&2
  die "the app was not ready within 60 s"
}

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

await_redis() { # $1 = port: a Redis server that was just started answers PING (at most 10 s)
  for _ in $(seq 1 40); do redis-cli -p "$1" PING >/dev/null 2>&1 && return 0; sleep 0.25; done
  return 1
}

# A live campaign: the guard given as $2 (JSON; omitted fields take the defaults), by default on with proof of work at
# its minimum (the solver shares the 2 cores); $3 the campaign's other fields (JSON members; by default its names and
# a goal of 40 million clicks' worth). Prints its id.
create_campaign() { # $1 = slug, $2 = guard (optional), $3 = fields (optional)
  local opens closes code guard=${2:-'{"enabled":true,"powDifficulty":0,"powMaxDifficulty":0}'}
  local fields=${3:-'"names":{"ar":"رمضان","fr":"Ramadan","en":"Ramadan"},"goalGigabytes":400000'}
  opens=$(date -u -d '-1 hour' +%Y-%m-%dT%H:%M:%SZ)
  closes=$(date -u -d '+30 days' +%Y-%m-%dT%H:%M:%SZ)
  code=$(curl -s -m 10 -u "admin:$ADMIN_PASSWORD" -o "$WORK/campaign.json" -w '%{http_code}' -H 'Content-Type: application/json' \
    -d "{\"slug\":\"$1\",$fields,\"opensAt\":\"$opens\",\"closesAt\":\"$closes\",\"guard\":$guard}" \
    "$BASE/api/manage/campaigns")
  [ "$code" = 201 ] || die "campaign creation answered $code: $(cat "$WORK/campaign.json")"
  code=$(curl -s -m 10 -u "admin:$ADMIN_PASSWORD" -o "$WORK/status.json" -w '%{http_code}' -H 'Content-Type: application/json' \
    -d '{"status":"LIVE"}' "$BASE/api/manage/campaigns/$1/status")
  [ "$code" = 200 ] || die "going live answered $code: $(cat "$WORK/status.json")"
  "${PSQL[@]}" -d "$DB" -c "select id from campaign where slug = '$1'"
}

live_clicks() { # $1 = slug, $2 = the instance's base URL (BASE): the live counters' clicks
  curl -s "${2:-$BASE}/api/campaigns/$1/totals" | grep -o '"clicks":[0-9]*' | head -1 | cut -d: -f2
}

players() { # $1 = slug, $2 = campaign id, then Replay's own key=value arguments; figures on stdout
  local slug=$1 id=$2
  shift 2
  java -Xmx2g -cp "$PLAYERS_CP:$WORK/players" Replay base="$BASE" slug="$slug" campaign="$id" \
    redis="${PLAYERS_REDIS:--h $HOST -p 6379 -n $REDIS_DB}" apppid="${APP_PID:-}" out="$WORK" "$@"
}

kv() { awk -F= -v k="$2" '$1 == k { sub(/^[^=]*=/, ""); print; exit }' "$1"; }

ratio() { # $1 / $2 with $3 decimals (3); n/a when $2 is 0
  awk -v a="$1" -v b="$2" -v d="${3:-3}" 'BEGIN { if (b + 0 == 0) print "n/a"; else printf("%." d "f", a / b) }'
}

ledger_clicks() { # $1 = campaign id
  "${PSQL[@]}" -d "$DB" -c "select coalesce(sum(units), 0) from donation where campaign_id = $1 and engagement = 'CLICK'"
}

# Waits until the ledger holds at least $2 clicks for campaign $1 and has stopped growing, or has not grown for 5 s
# (clicks lost with Redis never come); at most $3 s. Prints the ms it took, or "timeout". More than $2 is possible
# after a fault: a batch counted whose answer never arrived.
await_ledger() {
  local t0 now last=-1 current still=0
  t0=$(date +%s%N)
  while :; do
    current=$(ledger_clicks "$1")
    if [ "$current" = "$last" ]; then still=$((still + 1)); else still=0; fi
    if { [ "$current" -ge "$2" ] && [ "$still" -ge 1 ]; } || [ "$still" -ge 5 ]; then
      echo $(( ($(date +%s%N) - t0) / 1000000 ))
      return 0
    fi
    last=$current
    now=$(date +%s%N)
    if [ $(( (now - t0) / 1000000000 )) -ge "$3" ]; then echo timeout; return 1; fi
    sleep 1
  done
}

# The drills' check, batch by batch: prints "missing extra" — acknowledged batches (file $2: session,seq,accepted) that
# the ledger lacks or holds with other units, and ledger click batches of campaign $1 that were never acknowledged.
ledger_check() {
  "${PSQL[@]}" -d "$DB" <<SQL
create temp table acked (session_id text, seq int, units int);
\copy acked from '$2' with (format csv)
create index on acked (session_id, seq);
analyze acked;
select (select count(*) from acked a where not exists (select 1 from donation d where d.session_id = a.session_id
          and d.seq = a.seq and d.units = a.units))
  || ' ' ||
       (select count(*) from donation d where d.campaign_id = $1 and d.engagement = 'CLICK'
          and not exists (select 1 from acked a where a.session_id = d.session_id and a.seq = d.seq));
SQL
}

start_redis_cluster() { # NODES = ports; appends to NODE_PIDS, sets RCLI (cluster-aware, first node) and HOSTS (for the app)
  local port
  log "Starting a Redis Cluster of ${#NODES[@]} nodes on ports ${NODES[*]}"
  for port in "${NODES[@]}"; do
    mkdir -p "$WORK/node-$port"
    redis-server --port "$port" --bind 127.0.0.1 --cluster-enabled yes --cluster-config-file "$WORK/node-$port/nodes.conf" \
      --save "" --appendonly no --dir "$WORK/node-$port" --logfile "$WORK/node-$port.log" &
    NODE_PIDS+=($!)
  done
  for port in "${NODES[@]}"; do await_redis "$port" || die "the Redis node on port $port did not start"; done
  # shellcheck disable=SC2046 # one argument per node
  redis-cli --cluster create $(printf '127.0.0.1:%s ' "${NODES[@]}") --cluster-replicas 0 --cluster-yes >"$WORK/create.log" 2>&1 \
    || { cat "$WORK/create.log" >&2; die "could not create the cluster"; }
  for _ in $(seq 1 60); do
    redis-cli -p "${NODES[0]}" CLUSTER INFO | grep -q 'cluster_state:ok' && break
    sleep 0.5
  done
  RCLI=(redis-cli -c -p "${NODES[0]}")
  HOSTS=$(printf 'redis://127.0.0.1:%s,' "${NODES[@]}")
  HOSTS=${HOSTS%,}
}

start_cluster_apps() { # APP_PORTS = the instances' ports; after start_redis_cluster: appends to APP_PIDS, sets BASE (first) and BASES (all)
  local i
  for i in "${!APP_PORTS[@]}"; do
    PORT=${APP_PORTS[$i]}
    BASE="http://$HOST:$PORT"
    start_app -Dquarkus.redis.client-type=cluster -Dquarkus.redis.hosts="$HOSTS" -Dclickgive.ledger.consumer="app-$i"
    APP_PIDS+=("$APP_PID")
  done
  BASE="http://$HOST:${APP_PORTS[0]}"
  BASES=$(printf "http://$HOST:%s," "${APP_PORTS[@]}")
  BASES=${BASES%,}
}
