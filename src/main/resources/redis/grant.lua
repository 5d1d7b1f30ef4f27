-- Admits a session and opens it: the only Redis call of a session start. Every key is in the player's counter shard
-- (the shard of the player's home, so every identity minted on one address meets the same home budget here).
-- KEYS[1] session hash    cg:{c<campaign>.s<shard>}:session:<id>
-- KEYS[2] totals hash     cg:{...}:totals   fields "sessions", "y:<reason>" (refused sessions)
-- KEYS[3] players HLL     cg:{...}:players
-- KEYS[4] player hash     cg:{...}:player:<player>  tat (GCRA), rounds (counted rounds not judged scripted),
--                         first (ms of the first of them), est (1 once established); written by batch.lua too;
--                         team (the team the player joined, set by counters.TeamCounters): the session's team
-- KEYS[5] network bucket  cg:{...}:rate:<network>  the GCRA's arrival time, a string (the network's limit, whole in
--                         every shard: a network's players mostly have it as their home, and so meet in one shard)
-- KEYS[6] wide hash       cg:{...}:wide:<wide>      all, fresh (GCRA: this shard's share of the wide prefix's limits)
-- KEYS[7] home hash       cg:{...}:home:<home>      fresh (GCRA: the budget of the home's identities not yet established)
-- KEYS[8] used proofs     cg:{...}:pow:<epoch minute in which their challenges expire>:<bucket>  (set of solution ids,
--                         integers: an intset)
-- KEYS[9] trips hash      cg:{...}:trips:<network>  the network's refusals by reason, kept a day (for managers)
-- ARGV[1] JSON (counters.GrantCall):
--   now ms, keepMs (the session's retention), player (its key), guard (true: proof, limits and budgets apply)
--   proofId (a string of digits; absent when the request carried no proof: refused unless the player is
--   established), proofUntil (end of the proof's expiry minute: the set's expiry), vouched (established by the
--   gateway)
--   limits (the campaign's, the same for every call: counters.GrantCall.Limits)
--     playerLimit, fresh, wideFresh, network, wide: buckets {interval ms, burst}
--     establishRounds, establishAfterMs: when a player becomes established (0 rounds: at once, as on a kiosk or in a
--     load test)
--     playerMemoryMs: how long a player's rounds are remembered
-- Answer JSON (counters.GrantAnswer):
--   {"granted": true, "established": bool, "team": the player's team id (absent: none)}
--   {"granted": false, "reason": "POW_MISSING" | "POW_REUSED" | "PLAYER_RATE" | "FRESH_RATE" | "NETWORK_RATE" | "WIDE_RATE",
--    "waitMs": ms to wait}
-- A refusal charges no bucket: a refused fresh identity does not use up its network's budget for people.
local call = cjson.decode(ARGV[1])
local now = call.now
local limits = call.limits

local function refuse(reason, ms)
    redis.call('HINCRBY', KEYS[2], 'y:' .. reason, 1)
    redis.call('HINCRBY', KEYS[9], reason, 1)
    redis.call('PEXPIRE', KEYS[9], 86400000)
    return cjson.encode({ granted = false, reason = reason, waitMs = math.ceil(ms) })
end

-- GCRA: admitted while the bucket's arrival time is at most (burst - 1) intervals ahead. Returns the wait (0 when
-- admitted) and the arrival time to charge from.
local function wait(tat, bucket)
    tat = math.max(tonumber(tat or now), now)
    return math.max(0, tat - now - bucket.interval * (bucket.burst - 1)), tat
end

-- Charges a bucket; answers how long its key must live for it (until the bucket is full again).
local function charge(key, field, tat, bucket)
    local next = tat + bucket.interval
    redis.call('HSET', key, field, next)
    return math.ceil(next - now)
end

local established = false
local team
if call.guard then
    local player = redis.call('HMGET', KEYS[4], 'tat', 'rounds', 'first', 'est', 'team')
    team = player[5]
    established = call.vouched or player[4] == '1'
    if not established and (limits.establishRounds == 0 or (tonumber(player[2] or 0) >= limits.establishRounds
            and player[3] and now - tonumber(player[3]) >= limits.establishAfterMs)) then
        -- Recorded when earned: a later change of the campaign's rule does not take it back.
        established = true
        redis.call('HSET', KEYS[4], 'est', 1)
    end
    if not call.proofId then
        -- Only an established player may come without a proof: its identity's mint was paid, its player limit
        -- bounds its sessions. A fresh identity pays for each of its sessions until it has played enough rounds.
        if not established then
            return refuse('POW_MISSING', 0)
        end
    else
        if redis.call('SADD', KEYS[8], call.proofId) == 0 then
            return refuse('POW_REUSED', 0)
        end
        redis.call('PEXPIREAT', KEYS[8], call.proofUntil)
    end
    local limited = limits.playerLimit.interval > 0 -- 0: no limit per player (a kiosk shared by a queue of people)
    local playerWait, playerTat = 0, now
    if limited then
        playerWait, playerTat = wait(player[1], limits.playerLimit)
        if playerWait > 0 then
            return refuse('PLAYER_RATE', playerWait)
        end
    end
    local wide = redis.call('HMGET', KEYS[6], 'all', 'fresh')
    local freshTat, wideFreshTat
    if not established then
        local w
        w, freshTat = wait(redis.call('HGET', KEYS[7], 'fresh'), limits.fresh)
        if w > 0 then
            return refuse('FRESH_RATE', w)
        end
        w, wideFreshTat = wait(wide[2], limits.wideFresh)
        if w > 0 then
            return refuse('FRESH_RATE', w)
        end
    end
    local networkWait, networkTat = wait(redis.call('GET', KEYS[5]), limits.network)
    if networkWait > 0 then
        return refuse('NETWORK_RATE', networkWait)
    end
    local wideWait, wideTat = wait(wide[1], limits.wide)
    if wideWait > 0 then
        return refuse('WIDE_RATE', wideWait)
    end
    if limited then
        redis.call('HSET', KEYS[4], 'tat', playerTat + limits.playerLimit.interval)
    end
    redis.call('PEXPIRE', KEYS[4], limits.playerMemoryMs)
    local wideLife = charge(KEYS[6], 'all', wideTat, limits.wide)
    if not established then
        redis.call('PEXPIRE', KEYS[7], charge(KEYS[7], 'fresh', freshTat, limits.fresh))
        -- The wide hash holds both buckets: it lives as long as the later of the two needs.
        local freshLife = charge(KEYS[6], 'fresh', wideFreshTat, limits.wideFresh)
        wideLife = math.max(wideLife, freshLife)
    elseif wide[2] then
        wideLife = math.max(wideLife, math.ceil(tonumber(wide[2]) - now))
    end
    redis.call('PEXPIRE', KEYS[6], math.max(1, wideLife))
    -- A string, so that the charge and its expiry are one command (a new network on every session is the common case).
    local networkNext = networkTat + limits.network.interval
    redis.call('SET', KEYS[5], networkNext, 'PX', math.max(1, math.ceil(networkNext - now)))
else
    team = redis.call('HGET', KEYS[4], 'team')
end
redis.call('HSET', KEYS[1], 'clicks', 0, 'last', -1)
redis.call('PEXPIRE', KEYS[1], call.keepMs)
redis.call('HINCRBY', KEYS[2], 'sessions', 1)
redis.call('PFADD', KEYS[3], call.player)
return cjson.encode({ granted = true, established = established, team = team and tonumber(team) or nil })
