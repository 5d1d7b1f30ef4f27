-- The click rows of a session the guard judged scripted, counted or not yet voided. Parameters: campaign, session.
SELECT d.id, d.shard, coalesce(d.region_code, '-') AS region, d.units, d.megabytes
FROM counted_donation d
WHERE d.campaign_id = ? AND d.session_id = ?
