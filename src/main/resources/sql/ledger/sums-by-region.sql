-- Ledger units per shard, engagement and region ('-' when none), for the reconcile: the running sums.
SELECT shard, engagement, coalesce(region_code, '-') AS region, sum(units) AS units
FROM ledger_sum
WHERE campaign_id = ?
GROUP BY shard, engagement, coalesce(region_code, '-')
