-- The price of a new player identity (or of another purpose's payment: an application to a call for projects), and its
-- payment: how many a network (and its wide prefix) paid for recently, as counts that decay as e^(-t / memory), with an
-- optional hard limit on them. All keys share the hash tag {m<k>}, k from the wide prefix.
-- The counts are fields of bucket hashes, not keys of their own: a network that minted once costs a field of about
-- 45 bytes in a compact hash instead of a key of about 230 (a hash stays a listpack up to 512 fields).
-- KEYS[1] networks' counts   hash  <home> -> "<count>|<ms of the last update>"
-- KEYS[2] wide prefixes'     hash  <wide> -> "<count>|<ms of the last update>"
-- KEYS[3] used mint proofs   set of solution ids (integers: an intset) whose challenges expire within one epoch minute
-- ARGV[1] JSON (counters.MintCounters.MintCall):
--   now         ms
--   memoryMs    the counts' memory (the time constant of their decay)
--   home, wide  the fields of the network and its wide prefix in KEYS[1] and KEYS[2]
--   base, step, wideStep, max   difficulty = min(max, base * 2^(n / step) * 2^(w / wideStep))
--   take        false: only price a mint (for a challenge); true: pay for one with the solution below
--   proofId     the solution's id (single use, a string of digits)   proofUntil  end of its expiry minute, ms
--   solvedMax   the difficulty the solved challenge had
--   sweep       true: also drop the counts of both buckets that have decayed away (the app asks every so often)
--   limit, wideLimit   optional: refuse (LIMITED) a payment that would take the network's or the wide prefix's count
--               past this, and say so in a price
-- Answer JSON (counters.MintCounters.MintAnswer):
--   {"difficulty": d}                              when take is false
--   {"difficulty": d, "reason": "LIMITED", "retryMs": ms}
--                                                  over a limit (priced or paid): nothing written; the counts are
--                                                  back under it after retryMs
--   {"minted": true,  "difficulty": d}             paid: the counts now include this mint
--   {"minted": false, "reason": "POW_REUSED"}      the solution was used already
--   {"minted": false, "reason": "POW_STALE", "difficulty": d}
--                                                  the network minted so many since the challenge that it is worth
--                                                  less than half the price now: solve a new one
local call = cjson.decode(ARGV[1])
local now = call.now
-- A count below this no longer moves the price (2^(0.05 / step) is within a few percent of 1): forgotten.
local FORGET = 0.05

local function decayed(value)
    if not value then
        return 0
    end
    local n, t = string.match(value, '^([^|]+)|(%d+)$')
    return tonumber(n) * math.exp(-math.max(0, now - tonumber(t)) / call.memoryMs)
end

local n = decayed(redis.call('HGET', KEYS[1], call.home))
local w = decayed(redis.call('HGET', KEYS[2], call.wide))
local difficulty = math.floor(math.min(call.max, call.base * 2 ^ (n / call.step) * 2 ^ (w / call.wideStep)))
-- The time a count needs to decay from c + 1 down to the limit: then one more payment fits.
local function wait(c, limit)
    if not limit or c + 1 <= limit then
        return 0
    end
    return math.ceil(call.memoryMs * math.log((c + 1) / limit))
end
local retry = math.max(wait(n, call.limit), wait(w, call.wideLimit))
if retry > 0 then
    return cjson.encode({ difficulty = difficulty, reason = 'LIMITED', retryMs = retry })
end
if not call.take then
    return cjson.encode({ difficulty = difficulty })
end
if redis.call('SADD', KEYS[3], call.proofId) == 0 then
    return cjson.encode({ minted = false, reason = 'POW_REUSED' })
end
redis.call('PEXPIREAT', KEYS[3], call.proofUntil)
if call.solvedMax * 2 < difficulty then
    return cjson.encode({ minted = false, reason = 'POW_STALE', difficulty = difficulty })
end

-- Counts one more mint in a bucket. The bucket lives as long as its longest-remembered count: a count of n has decayed
-- below FORGET after memory * ln(n / FORGET), so a network that minted thousands is remembered for days, one that
-- minted once for three memories.
local function count(key, field, value)
    local v = value + 1
    redis.call('HSET', key, field, string.format('%.6g', v) .. '|' .. now)
    local keep = math.ceil(call.memoryMs * math.log(v / FORGET))
    if redis.call('PTTL', key) < keep then
        redis.call('PEXPIRE', key, keep)
    end
end
count(KEYS[1], call.home, n)
count(KEYS[2], call.wide, w)

if call.sweep then
    for k = 1, 2 do
        local fields = redis.call('HGETALL', KEYS[k])
        local gone = {}
        for i = 1, #fields, 2 do
            if decayed(fields[i + 1]) < FORGET then
                gone[#gone + 1] = fields[i]
            end
        end
        if #gone > 0 then
            redis.call('HDEL', KEYS[k], unpack(gone))
        end
    end
end
return cjson.encode({ minted = true, difficulty = difficulty })
