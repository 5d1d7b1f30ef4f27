#!/usr/bin/env bash
# Password guessing against the packaged service on loopback (load-tests/sign-in.py), through the console's form and
# the API's Basic sign-in at once, with the attacker's three best strategies (one address; an address per guess; any
# account from one address). Prints, per strategy, how many guesses had their password checked and how many were
# refused before any check, how often the real manager signed in meanwhile (every 0.25 s, from an address of their
# own), then whether they still sign in (Basic and the form) once the attack is over.
# Limits under test (security.LoginThrottle): 10 failures per account on an address, 30 per account, 100 per address,
# in a 5-minute window; at most clickgive.security.max-concurrent-sign-ins (2) password checks at once.
#
# Usage: load-tests/sign-in.sh [--no-build] [one-address] [spread] [accounts]   (default: all three)
# Settings (environment): SIGNIN_SECONDS (20) SIGNIN_THREADS (32) SIGNIN_PORT (8093) SIGNIN_DB (clickgive_signin)
#   SIGNIN_REDIS_DB (5)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
NAME=sign-in
BUILD=1
SCENARIOS=()
for arg in "$@"; do
  case "$arg" in
    --no-build) BUILD=0 ;;
    one-address|spread|accounts) SCENARIOS+=("$arg") ;;
    -h|--help) sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown argument: $arg (see --help)" >&2; exit 2 ;;
  esac
done
[ ${#SCENARIOS[@]} -gt 0 ] || SCENARIOS=(one-address spread accounts)
PORT=${SIGNIN_PORT:-8093}
DB=${SIGNIN_DB:-clickgive_signin}
REDIS_DB=${SIGNIN_REDIS_DB:-5}
WORK=$(mktemp -d /tmp/clickgive-signin.XXXXXX)
# shellcheck source=load-tests/lib.sh
. "$ROOT/load-tests/lib.sh"
trap 'stop_app; log "Logs: $WORK"' EXIT

need python3
build_app "$BUILD"
fresh_data
start_app

manager_signs_in() { # from an address the attacker never used: Basic 200, and the form's 302 to the console
  local basic form
  basic=$(curl -s -o /dev/null -w '%{http_code}' -m 10 -u "admin:$ADMIN_PASSWORD" -H 'X-Forwarded-For: 198.18.0.7' "$BASE/api/manage/campaigns")
  form=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -m 10 -H 'X-Forwarded-For: 198.18.0.8' \
    --data-urlencode j_username=admin --data-urlencode "j_password=$ADMIN_PASSWORD" "$BASE/j_security_check")
  echo "basic $basic, form ${form/http:\/\/$HOST:$PORT/}"
}

for scenario in "${SCENARIOS[@]}"; do
  # Each strategy starts from no failures: the counters are the throttle's only state.
  "${RCLI[@]}" --scan --pattern 'cg:{sign-in}:*' | xargs -r "${RCLI[@]}" DEL >/dev/null
  log "Attack: $scenario, ${SIGNIN_THREADS:-32} threads for ${SIGNIN_SECONDS:-20} s"
  figures=$(python3 "$ROOT/load-tests/sign-in.py" "$BASE" "$scenario" "${SIGNIN_SECONDS:-20}" "${SIGNIN_THREADS:-32}" "$ADMIN_PASSWORD")
  echo "$figures; the manager afterwards: $(manager_signs_in)" | tee -a "$WORK/summary.txt"
done
