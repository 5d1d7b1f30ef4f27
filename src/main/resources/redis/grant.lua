-- Admits a player (GCRA, as admit.lua) and, if admitted, opens a session and counts it, once, in its counter shard.
-- KEYS[1] session hash   cg:{c<campaign>.s<shard>}:session:<id>
-- KEYS[2] totals hash    cg:{c<campaign>.s<shard>}:totals   (field "sessions")
-- KEYS[3] players HLL    cg:{c<campaign>.s<shard>}:players
-- KEYS[4] player bucket  cg:{c<campaign>.s<shard>}:rate:<player>  (a player always lands in the same shard)
-- ARGV[1] session retention in ms (end of session + grace + time to replay answers)
-- ARGV[2] player (keyed hash of the player's fingerprint)
-- ARGV[3] player emission interval ms  ARGV[4] player burst  ARGV[5] now ms
-- Returns 0 when the session was opened, else the ms the player must wait.
local interval = tonumber(ARGV[3])
local now = tonumber(ARGV[5])
local tat = math.max(tonumber(redis.call('GET', KEYS[4]) or now), now)
local wait = tat - now - interval * (tonumber(ARGV[4]) - 1)
if wait > 0 then
    return wait
end
redis.call('SET', KEYS[4], tat + interval, 'PX', tat + interval - now)
redis.call('HSET', KEYS[1], 'clicks', 0, 'last', -1)
redis.call('PEXPIRE', KEYS[1], ARGV[1])
redis.call('HINCRBY', KEYS[2], 'sessions', 1)
redis.call('PFADD', KEYS[3], ARGV[2])
return 0
