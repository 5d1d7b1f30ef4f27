-- Moves one ledger stream entry that cannot be recorded to its shard's dead-letter stream, in one step: copied there
-- with why, then acknowledged and deleted from the ledger stream (nothing is lost, and nothing counted twice).
-- KEYS[1]  the shard's ledger stream, cg:{c<campaign>.s<shard>}:ledger
-- KEYS[2]  the shard's dead-letter stream, cg:{c<campaign>.s<shard>}:dead (same hash slot)
-- ARGV[1]  JSON (counters.LedgerStreams.DeadLetterCall):
--   group       the ledger's consumer group
--   id          the entry's id in the ledger stream
--   fields      the entry's fields as they were (an object of strings)
--   reason      why it could not be recorded
--   deliveries  how many times it was delivered
-- Answer JSON (counters.LedgerStreams.DeadLetterAnswer): {"moved": true, or false when the entry was gone already}
local call = cjson.decode(ARGV[1])
if #redis.call('XRANGE', KEYS[1], call.id, call.id) == 0 then
    return '{"moved":false}'
end
local fields = {}
for name, value in pairs(call.fields) do
    fields[#fields + 1] = name
    fields[#fields + 1] = value
end
fields[#fields + 1] = 'dead.id'
fields[#fields + 1] = call.id
fields[#fields + 1] = 'dead.reason'
fields[#fields + 1] = call.reason
fields[#fields + 1] = 'dead.deliveries'
fields[#fields + 1] = tostring(call.deliveries)
redis.call('XADD', KEYS[2], '*', unpack(fields))
redis.call('XACK', KEYS[1], call.group, call.id)
redis.call('XDEL', KEYS[1], call.id)
return '{"moved":true}'
