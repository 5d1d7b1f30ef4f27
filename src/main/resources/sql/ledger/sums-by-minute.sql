SELECT shard, floor(extract(epoch FROM donated_at) / 60)::bigint AS minute, sum(units) AS units
FROM donation
WHERE campaign_id = ? AND engagement = 'CLICK'
GROUP BY shard, minute
