-- Admits a session and opens it: the only Redis call of a session start. Every key is in the player's shard.
-- KEYS[1] session hash    cg:{c<campaign>.s<shard>}:session:<id>
-- KEYS[2] totals hash     cg:{...}:totals   fields "sessions", "y:<reason>" (refused sessions)
-- KEYS[3] players HLL     cg:{...}:players
-- KEYS[4] player bucket   cg:{...}:rate:<player>   (GCRA: theoretical arrival time in ms)
-- KEYS[5] network bucket  cg:{...}:net:<network>   (GCRA, this shard's share of the network's limit)
-- KEYS[6] used proofs     cg:{...}:pow:<epoch minute in which their challenges expire>  (set of solution ids)
-- ARGV[1] now ms  ARGV[2] session retention ms  ARGV[3] player
-- ARGV[4] guard on (1) or off (0)
-- ARGV[5] player interval ms  ARGV[6] player burst  ARGV[7] network interval ms  ARGV[8] network burst
-- ARGV[9] end of that minute, epoch ms (the set's expiry: every challenge in it has expired by then)
-- ARGV[10] the solution's id
-- Returns "OK"; or "<reason>|<ms to wait>" for PLAYER_RATE / NETWORK_RATE; or "POW_REUSED|0".
local now = tonumber(ARGV[1])

-- GCRA: admitted while the bucket's arrival time is at most (burst - 1) intervals ahead; returns the wait, 0 if admitted.
local function wait(bucket, interval, burst)
    local tat = math.max(tonumber(redis.call('GET', bucket) or now), now)
    return math.max(0, tat - now - interval * (burst - 1)), tat
end

local function refuse(reason, ms)
    redis.call('HINCRBY', KEYS[2], 'y:' .. reason, 1)
    return reason .. '|' .. ms
end

if ARGV[4] == '1' then
    if redis.call('SADD', KEYS[6], ARGV[10]) == 0 then
        return refuse('POW_REUSED', 0)
    end
    redis.call('PEXPIREAT', KEYS[6], ARGV[9])
    local playerInterval, networkInterval = tonumber(ARGV[5]), tonumber(ARGV[7])
    local playerWait, playerTat = 0, now
    if playerInterval > 0 then -- 0: no limit per player (a kiosk shared by a queue of people)
        playerWait, playerTat = wait(KEYS[4], playerInterval, tonumber(ARGV[6]))
    end
    if playerWait > 0 then
        return refuse('PLAYER_RATE', playerWait)
    end
    local networkWait, networkTat = wait(KEYS[5], networkInterval, tonumber(ARGV[8]))
    if networkWait > 0 then
        return refuse('NETWORK_RATE', networkWait)
    end
    if playerInterval > 0 then
        redis.call('SET', KEYS[4], playerTat + playerInterval, 'PX', playerTat + playerInterval - now)
    end
    redis.call('SET', KEYS[5], networkTat + networkInterval, 'PX', networkTat + networkInterval - now)
end
redis.call('HSET', KEYS[1], 'clicks', 0, 'last', -1)
redis.call('PEXPIRE', KEYS[1], ARGV[2])
redis.call('HINCRBY', KEYS[2], 'sessions', 1)
redis.call('PFADD', KEYS[3], ARGV[3])
return 'OK'
