-- One consistent view of a counter shard for the reconcile: its counters, and the id of the newest ledger entry at
-- the same instant (the entries up to it are then read in pages, so a long stream never blocks Redis).
-- KEYS[1] totals hash  KEYS[2] minutes hash  KEYS[3] ledger stream
-- Answer (counters.RepairCounters.Snapshot, read by position: a Lua table of three) { HGETALL totals, HGETALL minutes, the newest entry's id or '' when the stream is empty }.
local newest = redis.call('XREVRANGE', KEYS[3], '+', '-', 'COUNT', 1)
return { redis.call('HGETALL', KEYS[1]), redis.call('HGETALL', KEYS[2]), newest[1] and newest[1][1] or '' }
