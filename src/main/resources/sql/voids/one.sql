SELECT v.id, v.kind, v.target, v.hash, v.from_at, v.to_at, v.reason, v.actor, v.at, v.clicks, v.megabytes,
       v.lifted_at, v.lifted_by, v.confirmed_at, v.confirmed_by, v.campaign_id
FROM void v WHERE v.id = ?
