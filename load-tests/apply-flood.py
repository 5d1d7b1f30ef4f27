"""The attack on calls for projects: a script that sends as many applications as it can, with the attacker's best
strategies, against a running clickgive service whose campaign has an open call. It solves every puzzle itself, as
a phone's worker does, and counts what each strategy got through and what it cost.

usage: python3 load-tests/apply-flood.py BASE_URL SLUG SECONDS_PER_STRATEGY [SEED]

Strategies (each application has its own organisation name and phone, so only the network rules can stop it):
  one-network   every application from one address
  one-slash24   a new address each time, all in one /24 (a small office or one home router's neighbours)
  many-slash24  a new /24 each time (a botnet, or carrier-grade NAT pools): what the proof of work alone costs
Addresses are named in X-Forwarded-For (the service believes it from loopback, its trusted proxy by default), in the
carrier-grade NAT block 100.64.0.0/10; the traffic itself goes to loopback only.
"""
import hashlib
import json
import random
import sys
import time
import urllib.error
import urllib.request


def post(base, path, body, network):
    request = urllib.request.Request(base + path, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json", "X-Forwarded-For": network})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, json.load(answer)
    except urllib.error.HTTPError as refused:
        return refused.code, json.loads(refused.read() or b"{}")


def application(n, rng):
    return {"organisation": "Association %d-%d" % (n, rng.randint(0, 10**9)), "kind": "ASSOCIATION",
            "region": "MA-07", "province": "Al Haouz", "peopleServed": 500, "purpose": "Tablets for the school",
            "tablets": 10, "contactName": "A", "contactPhone": "06%08d" % rng.randint(0, 10**8 - 1),
            "answers": ["Monthly reports", "In September"]}


def attack(base, slug, seconds, address, rng):
    sent = accepted = limited = other = 0
    hashes = 0
    solving = 0.0
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        network = address()
        status, puzzle = post(base, "/api/campaigns/%s/call/challenges" % slug, {}, network)
        sent += 1
        if status == 429:
            limited += 1
            continue
        if status != 200:
            other += 1
            continue
        t0 = time.process_time()
        for number in range(puzzle["maxNumber"] + 1):
            if hashlib.sha256((puzzle["salt"] + str(number)).encode()).hexdigest() == puzzle["challenge"]:
                break
        hashes += number + 1
        solving += time.process_time() - t0
        proof = {"salt": puzzle["salt"], "number": number, "signature": puzzle["signature"]}
        status, _ = post(base, "/api/campaigns/%s/call/applications" % slug,
                         {"application": application(sent, rng), "proof": proof}, network)
        if status == 201:
            accepted += 1
        elif status == 429:
            limited += 1
        else:
            other += 1
    return sent, accepted, limited, other, hashes, solving, time.monotonic() - started


def main():
    base, slug, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 7)
    block = (rng.randint(64, 127), rng.randint(0, 255))
    fixed = "100.%d.%d.9" % block
    strategies = [
        ("one-network", lambda: fixed),
        ("one-slash24", lambda: "100.%d.%d.%d" % (block[0], (block[1] + 1) % 256, rng.randint(1, 254))),
        ("many-slash24", lambda: "100.%d.%d.%d" % (rng.randint(64, 127), rng.randint(0, 255), rng.randint(1, 254))),
    ]
    print("strategy       tries accepted limited other  hashes/accepted  cpu-s/accepted  accepted/min")
    for name, address in strategies:
        sent, accepted, limited, other, hashes, solving, wall = attack(base, slug, seconds, address, rng)
        per = lambda x: ("%.0f" % (x / accepted)) if accepted else "-"
        print("%-14s %5d %8d %7d %5d  %15s  %14s  %12.1f" % (name, sent, accepted, limited, other, per(hashes),
              ("%.2f" % (solving / accepted)) if accepted else "-", accepted * 60 / wall))


if __name__ == "__main__":
    main()
