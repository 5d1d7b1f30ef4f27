-- One like imported from a partner platform; a like already imported (same external id) is skipped.
INSERT INTO donation (campaign_id, engagement, external_id, shard, region_code, units, megabytes, donated_at)
VALUES (?, 'LIKE', ?, 0, ?, 1, ?, ?)
ON CONFLICT DO NOTHING
