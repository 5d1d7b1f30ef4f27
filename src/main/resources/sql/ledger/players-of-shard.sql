SELECT DISTINCT player FROM donation WHERE campaign_id = ? AND shard = ? AND player IS NOT NULL
