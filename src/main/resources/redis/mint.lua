-- The price of a new player identity, and its payment: how many identities a network (and its wide prefix) minted
-- recently, as counts that decay as e^(-t / memory). All keys share the hash tag {m<k>}, k from the wide prefix.
-- KEYS[1] network's count   hash  n (count), t (ms of the last update)
-- KEYS[2] wide prefix count  hash  n, t
-- KEYS[3] used mint proofs   set of solution ids whose challenges expire within one epoch minute
-- ARGV[1] JSON (counters.MintCounters.MintCall):
--   now         ms
--   memoryMs    the counts' memory (the time constant of their decay)
--   base, step, wideStep, max   difficulty = min(max, base * 2^(n / step) * 2^(w / wideStep))
--   take        false: only price a mint (for a challenge); true: pay for one with the solution below
--   proofId     the solution's id (single use)        proofUntil  end of its expiry minute, ms (the set's expiry)
--   solvedMax   the difficulty the solved challenge had
-- Answer JSON (counters.MintCounters.MintAnswer):
--   {"difficulty": d}                              when take is false
--   {"minted": true,  "difficulty": d}             paid: the counts now include this mint
--   {"minted": false, "reason": "POW_REUSED"}      the solution was used already
--   {"minted": false, "reason": "POW_STALE", "difficulty": d}
--                                                  the network minted so many since the challenge that it is worth
--                                                  less than half the price now: solve a new one
local call = cjson.decode(ARGV[1])
local now = call.now

local function decayed(key)
    local seen = redis.call('HMGET', key, 'n', 't')
    if not seen[1] then
        return 0
    end
    return tonumber(seen[1]) * math.exp(-math.max(0, now - tonumber(seen[2])) / call.memoryMs)
end

local n, w = decayed(KEYS[1]), decayed(KEYS[2])
local difficulty = math.floor(math.min(call.max, call.base * 2 ^ (n / call.step) * 2 ^ (w / call.wideStep)))
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
-- Forgotten once the count has decayed below one (after about five memories nothing is left worth keeping).
local keep = math.ceil(call.memoryMs * 5)
redis.call('HSET', KEYS[1], 'n', tostring(n + 1), 't', now)
redis.call('PEXPIRE', KEYS[1], keep)
redis.call('HSET', KEYS[2], 'n', tostring(w + 1), 't', now)
redis.call('PEXPIRE', KEYS[2], keep)
return cjson.encode({ minted = true, difficulty = difficulty })
