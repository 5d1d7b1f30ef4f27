-- Ends a hold once the ledger has voided the session's clicks: the session leaves the held hash and its clicks leave
-- the held count (they left the live total when the hold began). Idempotent: a second call finds nothing to release.
-- KEYS[1] held hash  KEYS[2] totals hash (h:<region>, n:<region>)
-- ARGV[1] JSON (counters.CampaignCounters.ReleaseCall): session, region, clicks, extra (the matched megabytes held)
-- Answer JSON (counters.CampaignCounters.ReleaseAnswer): {"released": true | false}
local call = cjson.decode(ARGV[1])
if redis.call('HDEL', KEYS[1], call.session) == 0 then
    return cjson.encode({ released = false })
end
redis.call('HINCRBY', KEYS[2], 'h:' .. call.region, -call.clicks)
if call.extra > 0 then
    redis.call('HINCRBY', KEYS[2], 'n:' .. call.region, -call.extra)
end
return cjson.encode({ released = true })
