-- A counter shard's quota of a sponsor's purse, in the shard's totals hash: what batch.lua may still give here. Every
-- transfer with the central purse (purse.lua) is a cumulative total, so a lost or repeated step is made good by the
-- next one and nothing is counted twice.
-- KEYS[1] totals hash  p (1: this shard spends from the purse), q (MB it may still give), qin (cumulative MB
--                      credited from the purse), qout (cumulative MB returned to it), pbase (MB it had counted when it
--                      began to spend from the purse); r:, h:, m:, n: as batch.lua writes them
-- ARGV[1] JSON (counters.PurseCounters.QuotaCall):
--   op  "mark": begin to spend from the purse (once): pbase = the megabytes of every click counted here so far
--               (r: and h: clicks at perClick MB, plus m: and n:)
--       "credit": the purse handed this shard given MB in all: q grows by what is new
--       "reclaim": give the whole quota back: q goes into qout
--       "read": nothing changes
--   perClick, given
-- Answer JSON (counters.PurseCounters.QuotaAnswer): {marked, base (pbase), quota (q), returned (qout)}
local call = cjson.decode(ARGV[1])
local state = redis.call('HMGET', KEYS[1], 'p', 'q', 'qin', 'qout', 'pbase')
local marked = state[1] == '1'
local quota, credited, returned = tonumber(state[2] or 0), tonumber(state[3] or 0), tonumber(state[4] or 0)
local base = tonumber(state[5] or 0)

if call.op == 'mark' and not marked then
    local fields = redis.call('HGETALL', KEYS[1])
    base = 0
    for i = 1, #fields, 2 do
        local name, value = fields[i], tonumber(fields[i + 1])
        local kind = string.sub(name, 1, 2)
        if kind == 'r:' or kind == 'h:' then
            base = base + value * call.perClick
        elseif kind == 'm:' or kind == 'n:' then
            base = base + value
        end
    end
    marked = true
    redis.call('HSET', KEYS[1], 'p', 1, 'q', quota, 'qin', credited, 'qout', returned, 'pbase', base)
elseif call.op == 'credit' and marked and call.given > credited then
    quota = quota + (call.given - credited)
    credited = call.given
    redis.call('HSET', KEYS[1], 'q', quota, 'qin', credited)
elseif call.op == 'reclaim' and marked and quota > 0 then
    returned = returned + quota
    quota = 0
    redis.call('HSET', KEYS[1], 'q', 0, 'qout', returned)
end
return cjson.encode({ marked = marked, base = base, quota = quota, returned = returned })
