"""Guesses the manager's password as fast as it can, through the console's form and the API's Basic sign-in alike.

usage: python3 load-tests/sign-in.py BASE_URL SCENARIO SECONDS THREADS [MANAGER_PASSWORD]   -> one line of figures

With MANAGER_PASSWORD, the real manager ("admin") also signs in with Basic from an address of their own every 0.25 s
during the attack: manager_signed_in counts the 200s, manager_busy the 429s with Retry-After 1 (every check taken), manager_locked the other 429s (the account over its
limit), manager_other the rest; manager_first_in_s is when they first got in.

Scenarios, each the attacker's best use of what it holds:
  one-address   every guess at "admin" from one address
  spread        every guess at "admin" from an address of its own (a botnet, or a proxy that lets the client name it)
  accounts      guesses at random account names from one address (looking for any weak account)
Half the guesses post the form, half send Basic. Addresses are named in X-Forwarded-For, which the service believes
from loopback (its trusted proxy in the drill); the traffic itself goes to loopback only.

Each answer is sorted by what it cost the service:
  checked   the password was checked (Basic 401; the form's 302 to the error page)
  refused   refused before any check (Basic 429 with Retry-After; the form's 303 to the page saying how long to wait)
  busy      the instance's concurrent checks were all taken (Basic 429 with Retry-After 1; the form's 303 to the page
            saying so), counted nowhere
"""
import base64
import http.client
import random
import sys
import threading
import time
import urllib.parse


def guess(connection, account, address, form):
    password = "guess-%d" % random.getrandbits(48)
    headers = {"X-Forwarded-For": address}
    if form:
        body = urllib.parse.urlencode({"j_username": account, "j_password": password})
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request("POST", "/j_security_check", body=body, headers=headers)
    else:
        headers["Authorization"] = "Basic " + base64.b64encode(("%s:%s" % (account, password)).encode()).decode()
        connection.request("GET", "/api/manage/campaigns", headers=headers)
    answer = connection.getresponse()
    answer.read()
    location = answer.getheader("Location") or ""
    if answer.status == 401 or (answer.status == 302 and "error=1" in location):
        return "checked"
    if (answer.status == 429 and answer.getheader("Retry-After") != "1") or (answer.status == 303 and "wait=" in location):
        return "refused"
    if answer.status == 429 or (answer.status == 303 and "busy=" in location):
        return "busy"
    return "other-%d" % answer.status


def main():
    base, scenario, seconds, threads = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
    target = urllib.parse.urlparse(base)
    assert target.hostname.startswith("127.") or target.hostname == "::1", "loopback only"
    counts, firsts, lock = {}, {}, threading.Lock()
    deadline = time.monotonic() + seconds
    one_address = "100.64.%d.%d" % (random.randint(0, 255), random.randint(1, 254))

    def attacker(index):
        connection = http.client.HTTPConnection(target.hostname, target.port, timeout=30)
        form = index % 2 == 0
        while time.monotonic() < deadline:
            if scenario == "spread":
                account, address = "admin", "100.%d.%d.%d" % (random.randint(64, 127), random.randint(0, 255),
                                                              random.randint(1, 254))
            elif scenario == "accounts":
                account, address = "user-%d" % random.getrandbits(40), one_address
            else:
                account, address = "admin", one_address
            try:
                kind = guess(connection, account, address, form)
            except (OSError, http.client.HTTPException):
                kind = "error"
                connection.close()
                connection = http.client.HTTPConnection(target.hostname, target.port, timeout=30)
            with lock:
                counts[kind] = counts.get(kind, 0) + 1

    def manager(password):
        connection = http.client.HTTPConnection(target.hostname, target.port, timeout=30)
        credential = "Basic " + base64.b64encode(("admin:" + password).encode()).decode()
        while time.monotonic() < deadline:
            connection.request("GET", "/api/manage/campaigns",
                               headers={"Authorization": credential, "X-Forwarded-For": "198.18.0.9"})
            answer = connection.getresponse()
            answer.read()
            if answer.status == 429:
                kind = "manager_busy" if answer.getheader("Retry-After") == "1" else "manager_locked"
            else:
                kind = "manager_signed_in" if answer.status == 200 else "manager_other"
            if kind == "manager_signed_in" and "manager_first_in_s" not in firsts:
                firsts["manager_first_in_s"] = round(time.monotonic() - started, 1)
            with lock:
                counts[kind] = counts.get(kind, 0) + 1
            time.sleep(0.25)

    started = time.monotonic()
    workers = [threading.Thread(target=attacker, args=(i,)) for i in range(threads)]
    if len(sys.argv) > 5:
        workers.append(threading.Thread(target=manager, args=(sys.argv[5],)))
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    elapsed = time.monotonic() - started
    total = sum(n for kind, n in counts.items() if not kind.startswith("manager"))
    figures = {"scenario": scenario, "seconds": round(elapsed, 1), "guesses": total,
               "per_second": round(total / elapsed, 1), "checked": counts.pop("checked", 0),
               "refused": counts.pop("refused", 0), "busy": counts.pop("busy", 0)}
    for kind in ("manager_signed_in", "manager_busy", "manager_locked", "manager_other"):
        if len(sys.argv) > 5:
            figures[kind] = counts.pop(kind, 0)
    if len(sys.argv) > 5:
        figures["manager_first_in_s"] = firsts.get("manager_first_in_s", "never")
    figures.update(counts)
    print(" ".join("%s=%s" % item for item in figures.items()))


if __name__ == "__main__":
    main()
