-- One consistent view of a counter shard for the reconcile: counters and in-flight ledger entries at the same instant.
-- KEYS[1] totals hash  KEYS[2] minutes hash  KEYS[3] ledger stream
-- Returns { HGETALL totals, HGETALL minutes, XRANGE ledger - + }.
return { redis.call('HGETALL', KEYS[1]), redis.call('HGETALL', KEYS[2]), redis.call('XRANGE', KEYS[3], '-', '+') }
