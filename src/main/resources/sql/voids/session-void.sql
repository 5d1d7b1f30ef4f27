-- The guard's void of a session, if it was recorded already (the Redis step after it may not have run).
SELECT id, clicks FROM void WHERE campaign_id = ? AND target = 'SESSION' AND hash = ?
