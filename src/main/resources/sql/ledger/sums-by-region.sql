-- Ledger units per shard, engagement and region ('-' when none), for the reconcile.
SELECT shard, engagement, coalesce(region_code, '-') AS region, sum(units) AS units
FROM counted_donation
WHERE campaign_id = ?
GROUP BY shard, engagement, coalesce(region_code, '-')
