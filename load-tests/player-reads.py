"""The attack on the players' own public reads: one identity (minted once, as a phone mints it) reused as fast as the
attacker can send, on POST /api/players/me, POST /api/campaigns/{slug}/teams/mine and POST .../teams/leave.

usage: python3 load-tests/player-reads.py BASE_URL SLUG SECONDS THREADS [IDENTITIES] [DATABASE]

Each of THREADS keeps one connection and cycles through the three paths with one of IDENTITIES identities (default 1:
the cheapest attack, one proof of work paid once). While it runs, the service's PostgreSQL transactions are counted
(pg_stat_database.xact_commit of DATABASE, default clickgive): what the flood costs the database, which the ledger
writer and the console share. Loopback only. Prints one line: requests, answers per second, answers by status, p50 and
p99 latency in ms, PostgreSQL transactions per second and per request.
"""
import collections
import http.client
import json
import subprocess
import sys
import threading
import time
import urllib.parse

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from mint import mint  # noqa: E402

base, slug, seconds, threads = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
identities = int(sys.argv[5]) if len(sys.argv) > 5 else 1
database = sys.argv[6] if len(sys.argv) > 6 else "clickgive"
url = urllib.parse.urlsplit(base)
assert url.hostname.startswith("127.") or url.hostname in ("localhost", "::1"), "loopback only"

keys = [mint(base) for _ in range(identities)]
paths = ["/api/players/me", f"/api/campaigns/{slug}/teams/mine", f"/api/campaigns/{slug}/teams/leave"]
latencies, statuses, lock = [], collections.Counter(), threading.Lock()


def commits():
    out = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-tAc",
                          f"SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = '{database}'"],
                         capture_output=True, text=True, check=True).stdout
    return int(out.strip())


def attacker(n, deadline):
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    asked = 0
    while time.monotonic() < deadline:
        path = paths[asked % len(paths)]
        body = json.dumps({"identity": keys[(n + asked) % len(keys)]})
        asked += 1
        started = time.monotonic()
        try:
            connection.request("POST", path, body, {"Content-Type": "application/json",
                                                    "X-Forwarded-For": "100.64.%d.%d" % (n % 250, 1 + asked % 250)})
            answer = connection.getresponse()
            answer.read()
            status = answer.status
        except (OSError, http.client.HTTPException):
            status = 0
            connection.close()
            connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
        with lock:
            latencies.append((time.monotonic() - started) * 1000)
            statuses[status] += 1


before = commits()
deadline = time.monotonic() + seconds
workers = [threading.Thread(target=attacker, args=(n, deadline)) for n in range(threads)]
started = time.monotonic()
for w in workers:
    w.start()
for w in workers:
    w.join()
took = time.monotonic() - started
spent = commits() - before
latencies.sort()
count = len(latencies)
print(f"requests={count} per_s={count / took:.0f} statuses={dict(sorted(statuses.items()))} "
      f"p50_ms={latencies[count // 2]:.1f} p99_ms={latencies[int(count * 0.99)]:.1f} "
      f"pg_tx_per_s={spent / took:.0f} pg_tx_per_request={spent / max(count, 1):.2f}")
