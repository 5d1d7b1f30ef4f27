-- Sign-in attempts, counted where every replica sees them: one fixed window per counter, opened by its first attempt.
-- An attempt is counted before its password is checked (so guesses in flight count too, and no answer can overtake
-- its own count), and taken back when it succeeds.
-- KEYS     the counters of one attempt, cg:{sign-in}:<kind>:<keyed hash> (the address; the account; the account on
--          this address), all under one hash tag, so that they share a cluster slot
-- ARGV[1]  JSON (security.LoginThrottle.SignInCall):
--   mode     "try": refuse the attempt if a counter is at its limit, otherwise count it on every counter
--            "succeed": the attempt signed in: take it back, and clear the last counter (the account on this address)
--   limits   attempts allowed per window, one per key, in the keys' order
--   windowMs the window's length
-- Answer JSON (security.LoginThrottle.SignInAnswer): {"waitMs": ms until the fullest counter's window ends; 0: counted}
local call = cjson.decode(ARGV[1])
if call.mode == 'succeed' then
    for i = 1, #KEYS - 1 do
        if redis.call('DECR', KEYS[i]) < 0 then
            redis.call('DEL', KEYS[i])
        end
    end
    redis.call('DEL', KEYS[#KEYS])
    return '{"waitMs":0}'
end
local wait = 0
local counts = redis.call('MGET', unpack(KEYS))
for i = 1, #KEYS do
    if counts[i] and tonumber(counts[i]) >= call.limits[i] then
        wait = math.max(wait, redis.call('PTTL', KEYS[i]))
    end
end
if wait == 0 then
    for i = 1, #KEYS do
        redis.call('INCR', KEYS[i])
        redis.call('PEXPIRE', KEYS[i], call.windowMs, 'NX')
    end
end
return cjson.encode({ waitMs = wait })
