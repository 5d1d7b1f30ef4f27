-- The rows of a void, with the shard and region each is counted under (to give them back when a hold is lifted).
SELECT d.shard, coalesce(d.region_code, '-') AS region, sum(d.units) AS units, sum(d.megabytes) AS megabytes
FROM donation_void dv JOIN donation d ON d.id = dv.donation_id
WHERE dv.void_id = ? GROUP BY d.shard, coalesce(d.region_code, '-')
