-- The bundles of an allocation that no tablet carries yet, oldest first. ?1 = allocation id, ?2 = how many.
SELECT b.id
FROM bundle b
WHERE b.allocation_id = ?1 AND NOT EXISTS (SELECT 1 FROM tablet t WHERE t.bundle_id = b.id)
ORDER BY b.id
LIMIT ?2
