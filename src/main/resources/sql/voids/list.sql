SELECT id, kind, target, hash, from_at, to_at, reason, actor, at, clicks, megabytes, lifted_at, lifted_by,
       confirmed_at, confirmed_by
FROM void WHERE campaign_id = ? ORDER BY id DESC LIMIT 500
