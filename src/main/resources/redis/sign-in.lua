-- Sign-in attempts, counted where every replica sees them: one fixed window per counter, opened by its first attempt.
-- Failures are counted once the password check refused them; a success clears the account's counter on its address.
-- KEYS     the counters of one attempt, cg:{sign-in}:<kind>:<keyed hash> (the address; the account; the account on
--          this address), all under one hash tag, so that they share a cluster slot
-- ARGV[1]  JSON (counters.SignInCounters.SignInCall):
--   mode     "check": how long the attempt must wait (a counter at its limit), 0 when it may go on
--            "fail": one more failure on every counter
--            "succeed": the attempt signed in: clear the last counter (the account on this address)
--   limits   attempts allowed per window, one per key, in the keys' order
--   windowMs the window's length
-- Answer JSON (counters.SignInCounters.SignInAnswer): {"waitMs": ms until the fullest counter's window ends; 0: go on}
local call = cjson.decode(ARGV[1])
if call.mode == 'succeed' then
    redis.call('DEL', KEYS[#KEYS])
    return '{"waitMs":0}'
end
if call.mode == 'fail' then
    for i = 1, #KEYS do
        redis.call('INCR', KEYS[i])
        redis.call('PEXPIRE', KEYS[i], call.windowMs, 'NX')
    end
    return '{"waitMs":0}'
end
local wait = 0
local counts = redis.call('MGET', unpack(KEYS))
for i = 1, #KEYS do
    if counts[i] and tonumber(counts[i]) >= call.limits[i] then
        wait = math.max(wait, redis.call('PTTL', KEYS[i]))
    end
end
return cjson.encode({ waitMs = wait })
