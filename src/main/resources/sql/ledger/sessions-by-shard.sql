SELECT shard, count(DISTINCT session_id) AS sessions
FROM donation
WHERE campaign_id = ? AND engagement = 'CLICK'
GROUP BY shard
