"""Anonymous readers of a campaign's public transparency report, each polling it as the report page does, only faster.

usage: python3 load-tests/report-readers.py BASE_URL SLUG SECONDS READERS INTERVAL_S   -> one line of figures

Each reader keeps one connection and asks GET /api/campaigns/{slug}/report, then waits INTERVAL_S (the page waits 10 s;
the drill asks every second, ten times the page's pace); every tenth request is the HTML page /c/{slug}/report.
Loopback only. Prints: requests, answers per second, non-200 answers, p50 and p99 latency in ms.
"""
import http.client
import sys
import threading
import time
import urllib.parse

base, slug, seconds, readers, interval = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
url = urllib.parse.urlsplit(base)
assert url.hostname.startswith("127.") or url.hostname in ("localhost", "::1"), "loopback only"
latencies, failures, lock = [], [0], threading.Lock()
deadline = time.monotonic() + seconds


def reader(n):
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    asked = 0
    time.sleep(interval * n / readers)  # spread over the interval, as pages opened at different moments are
    while time.monotonic() < deadline:
        path = f"/c/{slug}/report" if asked % 10 == 9 else f"/api/campaigns/{slug}/report"
        asked += 1
        started = time.monotonic()
        try:
            connection.request("GET", path)
            answer = connection.getresponse()
            answer.read()
            ok = answer.status == 200
        except (OSError, http.client.HTTPException):
            ok = False
            connection.close()
            connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
        took = (time.monotonic() - started) * 1000
        with lock:
            latencies.append(took)
            if not ok:
                failures[0] += 1
        time.sleep(max(0.0, interval - took / 1000))


threads = [threading.Thread(target=reader, args=(n,), daemon=True) for n in range(readers)]
began = time.monotonic()
for t in threads:
    t.start()
for t in threads:
    t.join(seconds + 60)
elapsed = time.monotonic() - began
latencies.sort()


def pct(p):
    return latencies[min(len(latencies) - 1, int(len(latencies) * p))] if latencies else 0


print(f"requests={len(latencies)} per_second={len(latencies) / elapsed:.1f} non_200={failures[0]} "
      f"p50_ms={pct(0.5):.1f} p99_ms={pct(0.99):.1f}")
