-- Counts one batch of a session: the only Redis call of the click path.
-- KEYS[1] session hash   fields: clicks (accepted so far), last (last offset ms), b<seq> (answer given to batch seq)
-- KEYS[2] totals hash    fields: r:<region> accepted clicks per region ("r:-" when the player chose none)
-- KEYS[3] minutes hash   fields: <epoch minute> accepted clicks
-- KEYS[4] ledger stream  consumed by the LedgerWriters through group "ledger"
-- ARGV[1] seq  ARGV[2] clicks in the batch  ARGV[3] first offset  ARGV[4] last offset
-- ARGV[5] now ms  ARGV[6] deadline ms (end + grace)  ARGV[7] cap  ARGV[8] session id
-- ARGV[9] region or "-"  ARGV[10] player  ARGV[11] epoch minute
-- Returns "accepted|rejected|reason|sessionClicks"; for a replayed seq the first answer again, behind "R";
-- "GONE" when the session is unknown.
local seen = redis.call('HMGET', KEYS[1], 'b' .. ARGV[1], 'clicks', 'last')
if seen[1] then
    return 'R' .. seen[1]
end
if not seen[2] then
    return 'GONE'
end
local clicks = tonumber(seen[2])
local count = tonumber(ARGV[2])
local accepted = 0
local reason = ''
if tonumber(ARGV[5]) > tonumber(ARGV[6]) then
    reason = 'LATE'
elseif tonumber(ARGV[3]) <= tonumber(seen[3]) then
    reason = 'OUT_OF_ORDER'
else
    accepted = math.max(0, math.min(count, tonumber(ARGV[7]) - clicks))
    if accepted < count then
        reason = 'CAP'
    end
end
local answer = accepted .. '|' .. (count - accepted) .. '|' .. reason .. '|' .. (clicks + accepted)
if accepted == 0 then
    redis.call('HSET', KEYS[1], 'b' .. ARGV[1], answer)
    return answer
end
redis.call('HSET', KEYS[1], 'b' .. ARGV[1], answer, 'clicks', clicks + accepted, 'last', ARGV[4])
redis.call('HINCRBY', KEYS[2], 'r:' .. ARGV[9], accepted)
redis.call('HINCRBY', KEYS[3], ARGV[11], accepted)
redis.call('XADD', KEYS[4], '*', 's', ARGV[8], 'q', ARGV[1], 'n', accepted, 'r', ARGV[9], 'p', ARGV[10], 't', ARGV[5])
return answer
