-- A sponsor's purse, central: what the sponsor promised and what was handed to the counter shards, which spend it
-- through quotas (quota.lua, batch.lua). The only key of its own slot, so a Redis Cluster places it anywhere.
-- KEYS[1] purse hash  cg:{c<campaign>.purse}:purse  purse (MB promised), out (MB handed out: the shards' bases, plus
--                     what was given them, less what they gave back), given:<shard> and back:<shard> (cumulative MB
--                     handed to and returned by each shard), base:<shard> (MB the shard counted before it spent from
--                     the purse)
-- ARGV[1] JSON (counters.PurseCounters.PurseCall):
--   op       "take": hand shard a quota of at most chunk MB (never less than need, what the batch waiting for it
--                    takes, while the purse has it; less as the purse empties: a share of what is left, so no shard
--                    holds much of the end) — answers given, the shard's cumulative total, which quota.lua credits
--            "back": the shard returned returned MB in all (cumulative): out drops by what is new
--            "base": the shard counted base MB before it spent from the purse: out grows by it, once
--            "set":  the purse is purse MB (refused when less than out)
--            "read": nothing changes
--   shard, chunk, need, shards, returned, base, purse
-- Answer JSON (counters.PurseCounters.PurseAnswer): {ready (a purse is set), ok (the op did what it was asked), purse,
--   out, given (the shard's cumulative total handed)}
local call = cjson.decode(ARGV[1])
local state = redis.call('HMGET', KEYS[1], 'purse', 'out', 'given:' .. call.shard)
local purse, out, given = tonumber(state[1]), tonumber(state[2] or 0), tonumber(state[3] or 0)
local ok = true

if call.op == 'set' then
    if call.purse < out then
        ok = false
    else
        purse = call.purse
        redis.call('HSET', KEYS[1], 'purse', purse, 'out', out)
    end
elseif call.op == 'base' then
    if redis.call('HSETNX', KEYS[1], 'base:' .. call.shard, call.base) == 1 then
        out = out + call.base
        redis.call('HSET', KEYS[1], 'out', out)
    end
elseif call.op == 'back' then
    local back = tonumber(redis.call('HGET', KEYS[1], 'back:' .. call.shard) or 0)
    if call.returned > back then
        out = out - (call.returned - back)
        redis.call('HSET', KEYS[1], 'back:' .. call.shard, call.returned, 'out', out)
    end
elseif call.op == 'take' and purse then
    local left = purse - out
    if left > 0 then
        local share = math.floor(left / (2 * call.shards))
        local x = math.min(left, math.max(call.need, math.min(call.chunk, share)))
        given = given + x
        out = out + x
        redis.call('HSET', KEYS[1], 'given:' .. call.shard, given, 'out', out)
    else
        ok = false
    end
end
return cjson.encode({ ready = purse ~= nil, ok = ok, purse = purse or 0, out = out, given = given })
