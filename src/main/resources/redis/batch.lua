-- Counts one batch of a session and inspects its click timing: the only Redis call of a batch.
-- KEYS[1] session hash   clicks (accepted so far), last (last offset ms), b<seq> (answer given to batch seq),
--                        nb (batches counted), tail (accepted offsets of the last second), n/s/q (count, sum and sum of
--                        squares of the intervals up to 1 s), k (burst strikes), x (judgement, once scripted)
-- KEYS[2] totals hash    r:<region> accepted clicks ("r:-" when the player chose none), x:<reason> rejected clicks
-- KEYS[3] minutes hash   <epoch minute> accepted clicks
-- KEYS[4] ledger stream  consumed by the LedgerWriters through group "ledger"
-- ARGV[1] seq  ARGV[2] offsets, comma-separated, increasing  ARGV[3] now ms  ARGV[4] deadline ms (end + grace)
-- ARGV[5] cap  ARGV[6] session id  ARGV[7] region or "-"  ARGV[8] player  ARGV[9] epoch minute
-- ARGV[10] guard on (1) or off (0)  ARGV[11] minimum interval ms  ARGV[12] burst cap per second
-- ARGV[13] burst strikes before the session is judged scripted  ARGV[14] intervals needed to judge regularity
-- ARGV[15] coefficient of variation under which intervals are too even  ARGV[16] batches allowed per session
-- Returns "accepted|rejected|REASON:n,REASON:n|sessionClicks"; for a replayed seq the first answer again, behind
-- "R"; "GONE" when the session is unknown.
local seen = redis.call('HMGET', KEYS[1], 'b' .. ARGV[1], 'clicks', 'last', 'nb', 'tail', 'n', 's', 'q', 'k', 'x')
if seen[1] then
    return 'R' .. seen[1]
end
if not seen[2] then
    return 'GONE'
end
local offsets = {}
for o in string.gmatch(ARGV[2], '%d+') do
    offsets[#offsets + 1] = tonumber(o)
end
local count = #offsets
local clicks = tonumber(seen[2])
local last = tonumber(seen[3])
local batches = tonumber(seen[4] or 0) + 1
local guard = ARGV[10] == '1'
local cap = tonumber(ARGV[5])
local rejected = {}
local accepted = 0
local whole -- a reason that refuses the whole batch
local inspected = false -- its offsets were looked at: later batches must come after them

if tonumber(ARGV[3]) > tonumber(ARGV[4]) then
    whole = 'LATE'
elseif count > 0 and offsets[1] <= last then
    whole = 'OUT_OF_ORDER'
elseif guard and seen[10] then
    whole = seen[10]
elseif guard and batches > tonumber(ARGV[16]) then
    whole = 'TOO_MANY_BATCHES'
end

local tail, n, s, q, strikes, judged = {}, tonumber(seen[6] or 0), tonumber(seen[7] or 0), tonumber(seen[8] or 0),
    tonumber(seen[9] or 0), nil
if not whole and guard then
    inspected = true
    for t in string.gmatch(seen[5] or '', '%d+') do
        tail[#tail + 1] = tonumber(t)
    end
    local minInterval, burst = tonumber(ARGV[11]), tonumber(ARGV[12])
    local first = 1 -- tail[first..] are the accepted clicks of the last second
    local previous = last
    for i = 1, count do
        local o = offsets[i]
        local reason
        if previous >= 0 then
            local gap = o - previous
            if gap <= 1000 then
                n, s, q = n + 1, s + gap, q + gap * gap
            end
            if gap < minInterval then
                reason = 'TOO_FAST'
            end
        end
        while first <= #tail and tail[first] <= o - 1000 do
            first = first + 1
        end
        if not reason and #tail - first + 1 >= burst then
            reason = 'BURST'
            strikes = strikes + 1
        end
        if not reason and clicks + accepted >= cap then
            reason = 'CAP'
        end
        if reason then
            rejected[reason] = (rejected[reason] or 0) + 1
        else
            accepted = accepted + 1
            tail[#tail + 1] = o
        end
        previous = o
    end
    local kept = {}
    for i = first, #tail do
        kept[#kept + 1] = tail[i]
    end
    tail = kept
    if strikes >= tonumber(ARGV[13]) then
        judged = 'SUPERHUMAN'
    elseif n >= tonumber(ARGV[14]) then
        local mean = s / n
        local variance = math.max(0, q / n - mean * mean)
        if mean > 0 and math.sqrt(variance) / mean < tonumber(ARGV[15]) then
            judged = 'REGULAR'
        end
    end
    if judged then
        whole = judged
    end
elseif not whole then
    inspected = true
    accepted = math.max(0, math.min(count, cap - clicks))
    if accepted < count then
        rejected['CAP'] = count - accepted
    end
end
if whole then
    accepted = 0
    rejected = {}
    if count > 0 then
        rejected[whole] = count
    end
end

local reasons = {}
for reason, r in pairs(rejected) do
    reasons[#reasons + 1] = reason .. ':' .. r
    redis.call('HINCRBY', KEYS[2], 'x:' .. reason, r)
end
table.sort(reasons)
local answer = accepted .. '|' .. (count - accepted) .. '|' .. table.concat(reasons, ',') .. '|' .. (clicks + accepted)
local state = {'b' .. ARGV[1], answer, 'nb', batches}
if guard then
    for _, v in ipairs({'tail', table.concat(tail, ','), 'n', n, 's', s, 'q', q, 'k', strikes}) do
        state[#state + 1] = v
    end
    if judged then
        state[#state + 1] = 'x'
        state[#state + 1] = judged
    end
end
if inspected and count > 0 then
    for _, v in ipairs({'clicks', clicks + accepted, 'last', offsets[count]}) do
        state[#state + 1] = v
    end
end
redis.call('HSET', KEYS[1], unpack(state))
if accepted > 0 then
    redis.call('HINCRBY', KEYS[2], 'r:' .. ARGV[7], accepted)
    redis.call('HINCRBY', KEYS[3], ARGV[9], accepted)
    redis.call('XADD', KEYS[4], '*', 's', ARGV[6], 'q', ARGV[1], 'n', accepted, 'r', ARGV[7], 'p', ARGV[8], 't', ARGV[3])
end
return answer
