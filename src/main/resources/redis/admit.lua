-- Admission by GCRA (generic cell rate algorithm): a sliding limit with no fixed-window boundary to exploit.
-- KEYS[1] the bucket: holds the theoretical arrival time (TAT, ms) of the next request
-- ARGV[1] emission interval ms (period / limit)  ARGV[2] burst (requests allowed at once)  ARGV[3] now ms
-- Returns 0 when admitted (and charges the bucket), else the ms to wait before a request would be admitted.
local interval = tonumber(ARGV[1])
local now = tonumber(ARGV[3])
local tat = math.max(tonumber(redis.call('GET', KEYS[1]) or now), now)
local wait = tat - now - interval * (tonumber(ARGV[2]) - 1)
if wait > 0 then
    return wait
end
redis.call('SET', KEYS[1], tat + interval, 'PX', tat + interval - now)
return 0
