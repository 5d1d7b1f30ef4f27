-- Ledger units and megabytes per shard, engagement and region ('-' when none), for the reconcile: the running sums.
SELECT shard, engagement, coalesce(region_code, '-') AS region, sum(units) AS units, sum(megabytes) AS megabytes
FROM ledger_sum
WHERE campaign_id = ?
GROUP BY shard, engagement, coalesce(region_code, '-')
