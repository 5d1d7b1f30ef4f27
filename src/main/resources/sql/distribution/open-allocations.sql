-- Allocations with bundles no tablet carries yet (a restocked tablet's bundle is free again): what a preload can draw
-- on, oldest first.
SELECT a.id AS allocation_id, bf.code AS beneficiary_code, bf.region_code, a.bundle_megabytes,
       count(b.id) AS free_bundles
FROM allocation a
JOIN beneficiary bf ON bf.id = a.beneficiary_id
JOIN bundle b ON b.allocation_id = a.id
WHERE NOT EXISTS (SELECT 1 FROM tablet t WHERE t.bundle_id = b.id)
GROUP BY a.id, bf.code, bf.region_code, a.bundle_megabytes
ORDER BY a.id
