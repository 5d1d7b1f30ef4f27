"""Mints player identities from a clickgive service, as a phone does: asks the mint puzzle, solves it, pays.

usage: python3 load-tests/mint.py BASE_URL COUNT   -> the identities, comma-separated, on standard output

Each identity is minted from its own network, named in X-Forwarded-For (the service believes it from loopback, its
trusted proxy by default): addresses in the carrier-grade NAT block 100.64.0.0/10, loopback traffic only.
"""
import hashlib
import json
import random
import sys
import urllib.request


def post(base, path, body, network):
    request = urllib.request.Request(base + path, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json", "X-Forwarded-For": network})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.load(answer)


def mint(base):
    network = "100.%d.%d.%d" % (random.randint(64, 127), random.randint(0, 255), random.randint(1, 254))
    puzzle = post(base, "/api/identities/challenges", {}, network)
    number = next(n for n in range(puzzle["maxNumber"] + 1)
                  if hashlib.sha256((puzzle["salt"] + str(n)).encode()).hexdigest() == puzzle["challenge"])
    proof = {"salt": puzzle["salt"], "number": number, "signature": puzzle["signature"]}
    return post(base, "/api/identities", {"proof": proof}, network)["identity"]


if __name__ == "__main__":
    print(",".join(mint(sys.argv[1]) for _ in range(int(sys.argv[2]))))
