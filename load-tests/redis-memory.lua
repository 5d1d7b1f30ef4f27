-- Redis memory by key class, for the replay's question "what does a live session cost": scans the database (a
-- probe, not for production traffic: it blocks Redis while it runs, ~0.1 s per 50 000 keys) and answers one line per
-- class: "<class> <keys> <bytes>", the class being the key's first segment after its hash tag ("session", "pow",
-- "player", ...), or the key up to its first colon when it has no tag.
local classes, order = {}, {}
local cursor = '0'
repeat
    local page = redis.call('SCAN', cursor, 'COUNT', 1000)
    cursor = page[1]
    for _, key in ipairs(page[2]) do
        local class = string.match(key, '}:([^:]+)') or string.match(key, '^([^:]+)')
        local c = classes[class]
        if not c then
            c = { keys = 0, bytes = 0 }
            classes[class] = c
            order[#order + 1] = class
        end
        c.keys = c.keys + 1
        c.bytes = c.bytes + (redis.call('MEMORY', 'USAGE', key, 'SAMPLES', 0) or 0)
    end
until cursor == '0'
table.sort(order, function(a, b) return classes[a].bytes > classes[b].bytes end)
local lines = {}
for _, class in ipairs(order) do
    lines[#lines + 1] = class .. ' ' .. classes[class].keys .. ' ' .. classes[class].bytes
end
return lines
