-- Counts one batch of a session and, with the guard on, inspects its click timing: the only Redis call of a batch.
-- KEYS[1] session hash   clicks (accepted so far), last (last offset ms), b<seq> (answer given to batch seq);
--                        with the guard on also g = "batches|intervals|sum|sum of squares|strikes|tail" (intervals up
--                        to 1 s; tail = accepted offsets of the last second) and x (judgement, once judged scripted)
-- KEYS[2] totals hash    r:<region> accepted clicks ("r:-" when the player chose none), x:<reason> rejected clicks
-- KEYS[3] minutes hash   <epoch minute> accepted clicks
-- KEYS[4] ledger stream  consumed by the LedgerWriters through group "ledger"
-- ARGV[1] seq  ARGV[2] clicks in the batch  ARGV[3] first offset  ARGV[4] last offset  ARGV[5] now ms
-- ARGV[6] deadline ms (end + grace)  ARGV[7] cap  ARGV[8] session id  ARGV[9] region or "-"  ARGV[10] player
-- ARGV[11] epoch minute  ARGV[12] guard on (1) or off (0)
-- With the guard on: ARGV[13] offsets, comma-separated  ARGV[14] minimum interval ms  ARGV[15] burst cap per second
-- ARGV[16] burst strikes before the session is judged scripted  ARGV[17] intervals needed to judge regularity
-- ARGV[18] coefficient of variation under which intervals are too even  ARGV[19] batches allowed per session
-- ARGV[20..25] the batch as the app measured it (BatchShape): clicks too close to the one before, most clicks
-- within a second, intervals up to 1 s with their sum and sum of squares, the clicks of its last second
-- Returns "accepted|rejected|REASON:n,REASON:n|sessionClicks"; for a replayed seq the first answer again, behind
-- "R"; "GONE" when the session is unknown.
local guard = ARGV[12] == '1'
local seen
if guard then
    seen = redis.call('HMGET', KEYS[1], 'b' .. ARGV[1], 'clicks', 'last', 'g', 'x')
else
    seen = redis.call('HMGET', KEYS[1], 'b' .. ARGV[1], 'clicks', 'last')
end
if seen[1] then
    return 'R' .. seen[1]
end
if not seen[2] then
    return 'GONE'
end
local count = tonumber(ARGV[2])
local clicks = tonumber(seen[2])
local cap = tonumber(ARGV[7])
local rejected = {}
local accepted = 0
local whole -- a reason that refuses the whole batch
local state = {}

if tonumber(ARGV[5]) > tonumber(ARGV[6]) then
    whole = 'LATE'
elseif count > 0 and tonumber(ARGV[3]) <= tonumber(seen[3]) then
    whole = 'OUT_OF_ORDER'
elseif not guard then
    accepted = math.max(0, math.min(count, cap - clicks))
    if accepted < count then
        rejected['CAP'] = count - accepted
    end
else
    local g = seen[4] or '0|0|0|0|0|'
    local batches, n, s, q, strikes, tailText = string.match(g, '^(%d+)|(%d+)|(%d+)|(%d+)|(%d+)|(.*)$')
    batches, n, s, q, strikes = tonumber(batches) + 1, tonumber(n), tonumber(s), tonumber(q), tonumber(strikes)
    if seen[5] then
        whole = seen[5]
    elseif batches > tonumber(ARGV[19]) then
        whole = 'TOO_MANY_BATCHES'
    else
        local tail, size = {}, 0
        for t in string.gmatch(tailText, '%d+') do
            size = size + 1
            tail[size] = tonumber(t)
        end
        local minInterval, burst, room = tonumber(ARGV[14]), tonumber(ARGV[15]), cap - clicks
        local previous = tonumber(seen[3])
        local firstOffset, lastOffset = tonumber(ARGV[3]), tonumber(ARGV[4])
        local inWindow = 0 -- earlier accepted clicks within the second before this batch's first click
        for i = size, 1, -1 do
            if tail[i] <= firstOffset - 1000 then
                break
            end
            inWindow = inWindow + 1
        end
        local gap = firstOffset - previous
        if count > 0 and ARGV[20] == '0' and (previous < 0 or gap >= minInterval)
                and inWindow + tonumber(ARGV[21]) <= burst and count <= room then
            -- Fast path: the app measured the batch (ARGV[20..25]) and nothing in it nears a limit, so every click
            -- counts; only the boundary with the earlier clicks is added here.
            accepted = count
            n, s, q = n + tonumber(ARGV[22]), s + tonumber(ARGV[23]), q + tonumber(ARGV[24])
            if previous >= 0 and gap <= 1000 then
                n, s, q = n + 1, s + gap, q + gap * gap
            end
            local kept = {}
            for i = 1, size do
                if tail[i] > lastOffset - 1000 then
                    kept[#kept + 1] = tail[i]
                end
            end
            if ARGV[25] ~= '' then
                kept[#kept + 1] = ARGV[25]
            end
            tailText = table.concat(kept, ',')
        else
            local first = 1 -- tail[first..size] are the accepted clicks of the last second
            local tooFast, bursts, capped = 0, 0, 0
            for o in string.gmatch(ARGV[13], '%d+') do
                o = tonumber(o)
                local gap = o - previous
                if previous >= 0 and gap <= 1000 then
                    n, s, q = n + 1, s + gap, q + gap * gap
                end
                if previous >= 0 and gap < minInterval then
                    tooFast = tooFast + 1
                else
                    local since = o - 1000
                    while first <= size and tail[first] <= since do
                        first = first + 1
                    end
                    if size - first + 1 >= burst then
                        bursts = bursts + 1
                    elseif accepted >= room then
                        capped = capped + 1
                    else
                        accepted = accepted + 1
                        size = size + 1
                        tail[size] = o
                    end
                end
                previous = o
            end
            strikes = strikes + bursts
            if tooFast > 0 then rejected['TOO_FAST'] = tooFast end
            if bursts > 0 then rejected['BURST'] = bursts end
            if capped > 0 then rejected['CAP'] = capped end
            tailText = table.concat(tail, ',', first, size)
        end
        local judged
        if strikes >= tonumber(ARGV[16]) then
            judged = 'SUPERHUMAN'
        elseif n >= tonumber(ARGV[17]) then
            local mean = s / n
            if mean > 0 and math.sqrt(math.max(0, q / n - mean * mean)) / mean < tonumber(ARGV[18]) then
                judged = 'REGULAR'
            end
        end
        if judged then
            whole = judged
            state[#state + 1] = 'x'
            state[#state + 1] = judged
        end
    end
    state[#state + 1] = 'g'
    state[#state + 1] = batches .. '|' .. n .. '|' .. s .. '|' .. q .. '|' .. strikes .. '|' .. tailText
end
if whole then
    accepted = 0
    rejected = {}
    if count > 0 then
        rejected[whole] = count
    end
elseif count > 0 then
    -- later batches must come after these offsets, counted or not
    state[#state + 1] = 'last'
    state[#state + 1] = ARGV[4]
end

local reasons = {}
for reason, r in pairs(rejected) do
    reasons[#reasons + 1] = reason .. ':' .. r
    redis.call('HINCRBY', KEYS[2], 'x:' .. reason, r)
end
if #reasons > 1 then
    table.sort(reasons)
end
local answer = accepted .. '|' .. (count - accepted) .. '|' .. table.concat(reasons, ',') .. '|' .. (clicks + accepted)
state[#state + 1] = 'b' .. ARGV[1]
state[#state + 1] = answer
if accepted > 0 then
    state[#state + 1] = 'clicks'
    state[#state + 1] = clicks + accepted
end
redis.call('HSET', KEYS[1], unpack(state))
if accepted > 0 then
    redis.call('HINCRBY', KEYS[2], 'r:' .. ARGV[9], accepted)
    redis.call('HINCRBY', KEYS[3], ARGV[11], accepted)
    redis.call('XADD', KEYS[4], '*', 's', ARGV[8], 'q', ARGV[1], 'n', accepted, 'r', ARGV[9], 'p', ARGV[10], 't', ARGV[5])
end
return answer
