-- Counts one batch of a session and, with the guard on, inspects its click timing: the only Redis call of a batch.
-- KEYS[1] session hash   clicks (accepted so far), last (last offset ms), b<seq> (answer given to batch seq, in short:
--                        {"a": accepted, "s": sessionClicks, "r": rejections (only if any), "h": held (only if any)}),
--                        x (judgement, once judged scripted), e (megabytes its counted clicks earned beyond their
--                        plain worth, in matching hours); with the guard on also
--                        i = "batches|intervals|sum|sum of squares|strikes|tail size" (intervals up to 1 s) and
--                        t = the tail: the accepted offsets of the last second, comma-separated (read only when a
--                        decision needs them, which the fast path mostly does not)
--                        Every value stays under Redis' hash-max-listpack-value (64 bytes) in human play, so the hash
--                        is one compact listpack (about 300 bytes), not a table of ~90 bytes a field. The short answer
--                        also holds "m": the session's matched megabytes after the batch, only when there are any.
-- KEYS[2] totals hash    r:<region> accepted clicks ("r:-" when the player chose none), x:<reason> rejected clicks,
--                        h:<region> clicks held (a session judged scripted after some of its clicks counted: out of
--                        r:<region> at once, in the ledger until the holds are voided there; see ledger.Holds)
-- KEYS[3] minutes hash   <epoch minute> accepted clicks
-- KEYS[4] ledger stream  consumed by the LedgerWriters through group "ledger" (fields: counters.LedgerEntry): s session,
--                        q seq, n clicks, r region, p player, t ms, w network, m team (only with one), o 1 when the
--                        batch opens the player's round (its first counted clicks), k rate (only when not 10)
-- KEYS[5] player hash    rounds, first, est (see grant.lua): a session's first counted batch adds a round; a
--                        session judged scripted takes the player's rounds and establishment back
-- KEYS[6] held hash      <session id> -> {"clicks", "region", "reason", "at", "extra"}: sessions whose counted clicks
--                        are held (extra: their matched megabytes, held with them)
-- KEYS[7] trips hash     the network's refused clicks by reason, kept a day (for managers; see grant.lua)
-- ARGV[1] JSON (counters.BatchCall):
--   seq, count (clicks in the batch), first, last (its first and last offsets; 999999999 and -1 when empty)
--   now ms, deadline ms (end + grace), elapsed (ms the server has seen pass since startsAt), tolerance ms,
--   cap, session, region ("-" when the player chose none), player, network (its hash, for the ledger),
--   team (the player's team when the session was granted, 0 for none: written into the ledger entry),
--   rate (tenths: the matching hour's rate now, 10 when none; written into the ledger entry when not 10),
--   extra (megabytes each click earns now beyond its plain worth: 0 outside matching hours),
--   purse (the campaign has a sponsor's purse: spend from the shard's quota even before the shard is marked),
--   cost (megabytes one click takes from the purse: its worth now), refilled (the quota was just refilled: refuse
--   what it cannot cover as PURSE_SPENT instead of answering short),
--   minute (epoch minute), guard (true/false)
--   with the guard on also:
--     offsets      the batch's offsets, comma-separated (a string: only the slow path reads them, one by one)
--     inspection   {minInterval, burst, strikes, regularityMin, regularityMaxCv, maxBatches} (GuardSettings.Inspection)
--     shape        the batch as the app measured it (counters.BatchShape): {tooFast, maxWindow, intervals, sum, squares,
--                  lastSecond (its offsets within the second before its last, comma-separated), lastSecondCount}
-- KEYS[2] also holds the shard's quota of a sponsor's purse: p, q (see quota.lua).
-- Answer JSON (counters.BatchAnswer): {"kind": "new" | "replay" | "gone" | "short" (the quota cannot cover the batch:
--   nothing was written; refill and call again with refilled), "answer": {accepted, rejected,
--   rejections {REASON: clicks}, sessionClicks, held, sessionExtra}}; a replayed seq gets its first answer again.
--   sessionClicks are the session's clicks that count (0 once held); held, the clicks this batch's judgement took back;
--   sessionExtra, the megabytes matching hours added to the session's counted clicks (0 once held).
local call = cjson.decode(ARGV[1])
local guard = call.guard
local seen = redis.call('HMGET', KEYS[1], 'b' .. call.seq, 'clicks', 'last', 'x', 'i', 't', 'e')

-- The full answer (counters.BatchAnswer.Counted) of a batch's short form as kept: rejected is the sum of rejections.
local function expand(short)
    local rejections, rejected = short.r or {}, 0
    for _, clicks in pairs(rejections) do
        rejected = rejected + clicks
    end
    local answer = cjson.encode({ accepted = short.a, rejected = rejected, rejections = rejections,
                                  sessionClicks = short.s, held = short.h or 0, sessionExtra = short.m or 0 })
    -- cjson writes an empty table as {}, which is the empty map BatchAnswer reads.
    return answer
end

if seen[1] then
    return '{"kind":"replay","answer":' .. expand(cjson.decode(seen[1])) .. '}'
end
if not seen[2] then
    return '{"kind":"gone"}'
end
local count = call.count
local clicks = tonumber(seen[2])
local cap = call.cap
local rejected = {}
local accepted = 0
local whole -- a reason that refuses the whole batch
local judged -- a judgement reached by this batch: the session is scripted
local state = {}

if call.now > call.deadline then
    whole = 'LATE'
elseif count > 0 and call.first <= tonumber(seen[3]) then
    whole = 'OUT_OF_ORDER'
elseif seen[4] then
    whole = seen[4]
elseif count > 0 and call.last > call.elapsed + call.tolerance then
    -- Clicks the server's clock has not reached yet: an honest page counts from when it received the grant, so its
    -- offsets always trail this clock. Whoever reports the future is a script, and the session is judged.
    whole = 'FUTURE'
    judged = 'FUTURE'
elseif not guard then
    accepted = math.max(0, math.min(count, cap - clicks))
    if accepted < count then
        rejected['CAP'] = count - accepted
    end
else
    local g = seen[5] or '0|0|0|0|0|0'
    local tailText = seen[6] or ''
    local batches, n, s, q, strikes, size = string.match(g, '^(%d+)|(%d+)|(%d+)|(%d+)|(%d+)|(%d+)$')
    batches, n, s, q, strikes = tonumber(batches) + 1, tonumber(n), tonumber(s), tonumber(q), tonumber(strikes)
    size = tonumber(size)
    local inspection, shape = call.inspection, call.shape
    if batches > inspection.maxBatches then
        whole = 'TOO_MANY_BATCHES'
    else
        local minInterval, burst, room = inspection.minInterval, inspection.burst, cap - clicks
        local previous = tonumber(seen[3])
        local firstOffset, lastOffset = call.first, call.last
        local tail -- the tail's offsets, read from tailText only when a decision needs them
        local function readTail()
            tail = {}
            for t in string.gmatch(tailText, '%d+') do
                tail[#tail + 1] = tonumber(t)
            end
        end
        local gap = firstOffset - previous
        local fast = count > 0 and shape.tooFast == 0 and (previous < 0 or gap >= minInterval) and count <= room
            and shape.maxWindow <= burst
        if fast and previous > firstOffset - 1000 and size + shape.maxWindow > burst then
            -- The tail's size alone does not rule out a burst across the boundary: count the clicks that are in the
            -- second before this batch's first (the tail's clicks all lie at or before previous).
            readTail()
            local inWindow = 0
            for i = size, 1, -1 do
                if tail[i] <= firstOffset - 1000 then
                    break
                end
                inWindow = inWindow + 1
            end
            fast = inWindow + shape.maxWindow <= burst
        end
        if fast then
            -- Fast path: the app measured the batch (shape) and nothing in it nears a limit, so every click counts;
            -- only the boundary with the earlier clicks is added here.
            accepted = count
            n, s, q = n + shape.intervals, s + shape.sum, q + shape.squares
            if previous >= 0 and gap <= 1000 then
                n, s, q = n + 1, s + gap, q + gap * gap
            end
            if previous <= lastOffset - 1000 then
                -- Every earlier click is at least a second before this batch's last: the tail is the batch's own.
                tailText, size = shape.lastSecond, shape.lastSecondCount
            else
                if not tail then
                    readTail()
                end
                local kept = {}
                for i = 1, size do
                    if tail[i] > lastOffset - 1000 then
                        kept[#kept + 1] = tail[i]
                    end
                end
                for t in string.gmatch(shape.lastSecond, '%d+') do
                    kept[#kept + 1] = tonumber(t)
                end
                tailText, size = table.concat(kept, ','), #kept
            end
        else
            if not tail then
                readTail()
            end
            local first = 1 -- tail[first..size] are the accepted clicks of the last second
            local tooFast, bursts, capped = 0, 0, 0
            for t in string.gmatch(call.offsets, '%d+') do
                local o = tonumber(t)
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
            size = size - first + 1
        end
        if strikes >= inspection.strikes then
            judged = 'SUPERHUMAN'
        elseif n >= inspection.regularityMin then
            local mean = s / n
            if mean > 0 and math.sqrt(math.max(0, q / n - mean * mean)) / mean < inspection.regularityMaxCv then
                judged = 'REGULAR'
            end
        end
        if judged then
            whole = judged
        end
    end
    state[#state + 1] = 'i'
    state[#state + 1] = batches .. '|' .. n .. '|' .. s .. '|' .. q .. '|' .. strikes .. '|' .. size
    state[#state + 1] = 't'
    state[#state + 1] = tailText
end
-- A sponsor's purse: the shard gives from its quota (quota.lua), never more. Short of it, nothing is written: the app
-- refills the quota from the central purse and calls again with refilled, and then what the quota cannot cover is
-- refused.
local spent = 0
if not whole and accepted > 0 then
    local purse = redis.call('HMGET', KEYS[2], 'p', 'q')
    if purse[1] or call.purse then
        local quota = tonumber(purse[2] or 0)
        if not purse[1] or quota < accepted * call.cost then
            if not call.refilled then
                return '{"kind":"short"}'
            end
            local afford = purse[1] and math.floor(quota / call.cost) or 0
            if afford < accepted then
                rejected['PURSE_SPENT'] = (rejected['PURSE_SPENT'] or 0) + accepted - afford
                accepted = afford
            end
        end
        spent = accepted * call.cost
    end
end
local held = 0
if judged then
    state[#state + 1] = 'x'
    state[#state + 1] = judged
    -- A player caught scripting starts again: no rounds, not established.
    redis.call('HDEL', KEYS[5], 'rounds', 'first', 'est')
    if clicks > 0 then
        -- The clicks it had before the judgement are no gift: out of the public total now, voided in the ledger
        -- once its earlier batches are all there.
        held = clicks
        local extra = tonumber(seen[7] or 0)
        redis.call('HINCRBY', KEYS[2], 'r:' .. call.region, -clicks)
        redis.call('HINCRBY', KEYS[2], 'h:' .. call.region, clicks)
        redis.call('HINCRBY', KEYS[2], 'x:HELD', clicks)
        if extra > 0 then
            redis.call('HINCRBY', KEYS[2], 'm:' .. call.region, -extra)
            redis.call('HINCRBY', KEYS[2], 'n:' .. call.region, extra)
        end
        redis.call('HSET', KEYS[6], call.session,
            cjson.encode({ clicks = clicks, region = call.region, reason = judged, at = call.now, extra = extra }))
    end
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
    state[#state + 1] = call.last
end

local tripped = false
for reason, r in pairs(rejected) do
    redis.call('HINCRBY', KEYS[2], 'x:' .. reason, r)
    redis.call('HINCRBY', KEYS[7], reason, r)
    tripped = true
end
if tripped then
    redis.call('PEXPIRE', KEYS[7], 86400000)
end
local counted = clicks + accepted
if judged or seen[4] then
    counted = 0
end
local short = { a = accepted, s = counted }
local extraAfter = tonumber(seen[7] or 0) + accepted * call.extra
if counted > 0 and extraAfter > 0 then
    short.m = extraAfter
end
if next(rejected) then
    short.r = rejected
end
if held > 0 then
    short.h = held
end
state[#state + 1] = 'b' .. call.seq
state[#state + 1] = cjson.encode(short)
local answer = expand(short)
if accepted > 0 then
    state[#state + 1] = 'clicks'
    state[#state + 1] = clicks + accepted
end
redis.call('HSET', KEYS[1], unpack(state))
if accepted > 0 then
    local entry = { 's', call.session, 'q', call.seq, 'n', accepted, 'r', call.region, 'p', call.player, 't',
                    call.now, 'w', call.network }
    if clicks == 0 and not judged then
        -- The session's first counted clicks: one more round towards the player being established.
        redis.call('HINCRBY', KEYS[5], 'rounds', 1)
        redis.call('HSETNX', KEYS[5], 'first', call.now)
        entry[#entry + 1] = 'o'
        entry[#entry + 1] = 1
    end
    if call.team > 0 then
        entry[#entry + 1] = 'm'
        entry[#entry + 1] = call.team
    end
    if call.rate ~= 10 then
        entry[#entry + 1] = 'k'
        entry[#entry + 1] = call.rate
    end
    if call.extra > 0 then
        redis.call('HINCRBY', KEYS[2], 'm:' .. call.region, accepted * call.extra)
        redis.call('HINCRBY', KEYS[1], 'e', accepted * call.extra)
    end
    redis.call('HINCRBY', KEYS[2], 'r:' .. call.region, accepted)
    if spent > 0 then
        redis.call('HINCRBY', KEYS[2], 'q', -spent)
    end
    redis.call('HINCRBY', KEYS[3], call.minute, accepted)
    redis.call('XADD', KEYS[4], '*', unpack(entry))
end
return '{"kind":"new","answer":' .. answer .. '}'
