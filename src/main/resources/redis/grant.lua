-- Opens a session and counts it, once, in its counter shard.
-- KEYS[1] session hash   cg:{c<campaign>.s<shard>}:session:<id>
-- KEYS[2] totals hash    cg:{c<campaign>.s<shard>}:totals   (field "sessions")
-- KEYS[3] players HLL    cg:{c<campaign>.s<shard>}:players
-- ARGV[1] session retention in ms (end of session + grace + time to replay answers)
-- ARGV[2] player (keyed hash of the player's fingerprint; a player always lands in the same shard)
-- Returns 1.
redis.call('HSET', KEYS[1], 'clicks', 0, 'last', -1)
redis.call('PEXPIRE', KEYS[1], ARGV[1])
redis.call('HINCRBY', KEYS[2], 'sessions', 1)
redis.call('PFADD', KEYS[3], ARGV[2])
return 1
