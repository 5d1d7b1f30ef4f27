-- Likes imported from a partner platform, in one statement; a like already imported (same external id) is skipped.
-- Returns the region ('-' for none) of each like actually inserted.
INSERT INTO donation (campaign_id, engagement, external_id, shard, region_code, units, megabytes, donated_at)
SELECT ?, 'LIKE', l.external_id, 0, l.region_code, 1, ?, l.donated_at
FROM unnest(?::text[], ?::text[], ?::timestamptz[]) AS l(external_id, region_code, donated_at)
ON CONFLICT DO NOTHING
RETURNING coalesce(region_code, '-')
