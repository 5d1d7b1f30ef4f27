"""Redis time per call of the click path's scripts, guard off and on: what the guard costs Redis, script by script.

usage: python3 load-tests/script-cost.py [CALLS] [REDIS_DB] [--msgpack]   (defaults: 20000 calls, database 9, emptied)

Loads grant.lua and batch.lua from src/main/resources/redis, then for each side (guard off, guard on) runs CALLS session
starts and then three batches of each of those sessions, with the arguments the app sends (see session.GrantCall and
session.BatchCall; the campaign's defaults, players established at once as in bench.sh, a new network per session,
16-30 clicks a batch spread over its third of the round so that the fast path applies). Prints Redis's own time per
call (INFO commandstats, usec_per_call of EVALSHA), which leaves out the network and the client. Pipelined over one
connection on 127.0.0.1:6379; nothing but the standard library.

With --msgpack, the calls go as MessagePack instead of JSON, and the scripts as loaded here read them with
cmsgpack.unpack instead of cjson.decode: what MessagePack arguments would save (the scripts' files are not changed).
"""
import json
import random
import socket
import struct
import sys
import time
from pathlib import Path

ARGS = [a for a in sys.argv[1:] if not a.startswith("--")]
MSGPACK = "--msgpack" in sys.argv[1:]
CALLS = int(ARGS[0]) if len(ARGS) > 0 else 20000
DB = int(ARGS[1]) if len(ARGS) > 1 else 9
SCRIPTS = Path(__file__).resolve().parent.parent / "src/main/resources/redis"
PREFIX = "cg:{c1.s0}"

sock = socket.create_connection(("127.0.0.1", 6379))
replies = sock.makefile("rb")


def encode(*args):
    out = [b"*%d\r\n" % len(args)]
    for a in args:
        a = a if isinstance(a, bytes) else str(a).encode()
        out.append(b"$%d\r\n%s\r\n" % (len(a), a))
    return b"".join(out)


def reply():
    line = replies.readline()
    kind, rest = line[:1], line[1:-2]
    if kind in (b"+", b":"):
        return rest
    if kind == b"-":
        raise RuntimeError(rest.decode())
    if kind == b"$":
        return None if int(rest) < 0 else replies.read(int(rest) + 2)[:-2]
    return [reply() for _ in range(int(rest))]


def command(*args):
    sock.sendall(encode(*args))
    return reply()


def pipelined(commands, chunk=200):
    last = None
    for i in range(0, len(commands), chunk):
        sock.sendall(b"".join(encode(*c) for c in commands[i:i + chunk]))
        for _ in commands[i:i + chunk]:
            last = reply()
    return last


def usec_per_call(commands):
    command("CONFIG", "RESETSTAT")
    last = pipelined(commands)
    for line in command("INFO", "commandstats").decode().split("\r\n"):
        if line.startswith("cmdstat_evalsha:"):
            stats = dict(kv.split("=") for kv in line.split(":", 1)[1].split(","))
            return float(stats["usec_per_call"]), last
    raise RuntimeError("no EVALSHA statistics")


def msgpack(value):
    """The MessagePack of a call: maps, strings, integers, floats and booleans, which is all a call holds."""
    if value is True or value is False:
        return b"\xc3" if value else b"\xc2"
    if isinstance(value, int):
        return bytes([value]) if 0 <= value < 128 else b"\xd3" + struct.pack(">q", value)
    if isinstance(value, float):
        return b"\xcb" + struct.pack(">d", value)
    if isinstance(value, str):
        data = value.encode()
        return (bytes([0xa0 | len(data)]) if len(data) < 32 else b"\xda" + struct.pack(">H", len(data))) + data
    if isinstance(value, dict):
        head = bytes([0x80 | len(value)]) if len(value) < 16 else b"\xde" + struct.pack(">H", len(value))
        return head + b"".join(msgpack(k) + msgpack(v) for k, v in value.items())
    raise TypeError(f"not in a call: {value!r}")


def argument(call):
    return msgpack(call) if MSGPACK else json.dumps(call, separators=(",", ":"))


def bucket(interval, burst):
    return {"interval": interval, "burst": burst}


# The campaign's defaults (GuardSettings.DEFAULTS), shares for 8 shards, as ScriptConstants writes them.
LIMITS = {"playerLimit": bucket(0, 1), "fresh": bucket(1900, 4), "wideFresh": bucket(1920, 4),
          "network": bucket(30, 300), "wide": bucket(40, 250), "establishRounds": 0, "establishAfterMs": 0,
          "playerMemoryMs": 3_456_000_000}
INSPECTION = {"minInterval": 15, "burst": 20, "strikes": 3, "regularityMin": 10, "regularityMaxCv": 0.04,
              "maxBatches": 20}


def grants(guard, tag, now):
    calls = []
    for i in range(CALLS):
        call = {"now": now + i, "keepMs": 60_000, "player": f"player{i % 2}", "guard": guard,
                "proofId": str(abs(hash(tag)) % 1_000_000 * 1_000_000 + i), "proofUntil": now + 120_000, "vouched": False, "limits": LIMITS}
        keys = [f"{PREFIX}:session:{tag}{i}", f"{PREFIX}:totals", f"{PREFIX}:players", f"{PREFIX}:player:player{i % 2}",
                f"{PREFIX}:rate:{tag}net{i}", f"{PREFIX}:wide:{tag}wide{i}", f"{PREFIX}:home:home{i % 2}",
                f"{PREFIX}:pow:1:{i % 64}", f"{PREFIX}:trips:{tag}net{i}"]
        calls.append(["EVALSHA", SHA["grant"], len(keys), *keys, argument(call)])
    return calls


def shape(offsets):
    gaps = [b - a for a, b in zip(offsets, offsets[1:])]
    within = [g for g in gaps if g <= 1000]
    widest, start = 0, 0
    for i, o in enumerate(offsets):
        while o - offsets[start] >= 1000:
            start += 1
        widest = max(widest, i - start + 1)
    last = [o for o in offsets if o > offsets[-1] - 1000]
    return {"tooFast": sum(1 for g in gaps if g < INSPECTION["minInterval"]), "maxWindow": widest,
            "intervals": len(within), "sum": sum(within), "squares": sum(g * g for g in within),
            "lastSecond": ",".join(map(str, last)), "lastSecondCount": len(last)}


def batches(guard, tag, seq, now, rng):
    calls = []
    for i in range(CALLS):
        count = rng.randint(16, 30)
        step = 3332 // count
        offsets = [(seq - 1) * 3334 + j * step + rng.randint(0, step // 3) for j in range(count)]
        call = {"seq": seq, "count": count, "first": offsets[0], "last": offsets[-1], "now": now,
                "deadline": now + 60_000, "elapsed": 999_999, "tolerance": 600_000, "cap": 150,
                "session": f"{tag}{i}", "region": "MA-01", "player": "player", "network": "network",
                "team": 0, "rate": 10, "extra": 0, "purse": False, "cost": 10, "refilled": False,
                "minute": now // 60_000, "guard": guard}
        if guard:
            call.update({"offsets": ",".join(map(str, offsets)), "inspection": INSPECTION, "shape": shape(offsets)})
        keys = [f"{PREFIX}:session:{tag}{i}", f"{PREFIX}:totals", f"{PREFIX}:minutes", f"{PREFIX}:ledger",
                f"{PREFIX}:player:player", f"{PREFIX}:held", f"{PREFIX}:trips:network"]
        calls.append(["EVALSHA", SHA["batch"], len(keys), *keys, argument(call)])
    return calls


command("SELECT", DB)
command("FLUSHDB")
def script(name):
    text = (SCRIPTS / f"{name}.lua").read_text()
    if MSGPACK:
        assert "cjson.decode(ARGV[1])" in text, name
        text = text.replace("cjson.decode(ARGV[1])", "cmsgpack.unpack(ARGV[1])")
    return text


SHA = {name: command("SCRIPT", "LOAD", script(name)).decode() for name in ("grant", "batch")}
now = int(time.time() * 1000)
print(f"Redis time per EVALSHA, µs ({CALLS} calls each, database {DB}, arguments in {'MessagePack' if MSGPACK else 'JSON'})")
print("               guard off   guard on   difference")
figures = {}
for guard in (False, True):
    tag = "on" if guard else "off"
    rng = random.Random(7)
    figures[("grant", guard)], answer = usec_per_call(grants(guard, tag, now))
    assert b'"granted":true' in answer, answer
    for seq in (1, 2, 3):
        figures[(f"batch {seq}", guard)], answer = usec_per_call(batches(guard, tag, seq, now, rng))
        assert b'"rejected":0' in answer, answer
for name in ("grant", "batch 1", "batch 2", "batch 3"):
    off, on = figures[(name, False)], figures[(name, True)]
    print(f"  {name:10s} {off:10.2f} {on:10.2f} {on - off:+12.2f}")
per_batch = [(figures[("grant", g)] + sum(figures[(f"batch {s}", g)] for s in (1, 2, 3))) / 3 for g in (False, True)]
print(f"  per batch  {per_batch[0]:10.2f} {per_batch[1]:10.2f} {per_batch[1] - per_batch[0]:+12.2f}"
      "   (a session's start and 3 batches, per batch, as in bench.sh's journey)")
command("FLUSHDB")
