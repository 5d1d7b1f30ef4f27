-- The counted click rows of one identity (player hash) or one network (network hash) in a time range: what a void of
-- them takes out, with the shard and region each is counted under in Redis. Parameters: campaign, hash, from, to.
SELECT d.id, d.shard, coalesce(d.region_code, '-') AS region, d.units, d.megabytes
FROM counted_donation d
WHERE d.campaign_id = ? AND d.engagement = 'CLICK' AND d.%s = ? AND d.donated_at >= ? AND d.donated_at < ?
