INSERT INTO void (campaign_id, kind, target, hash, from_at, to_at, reason, actor, clicks, megabytes)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT DO NOTHING
RETURNING id
