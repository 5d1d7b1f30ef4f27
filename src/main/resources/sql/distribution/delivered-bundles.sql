-- How many of a request's bundles are on delivered tablets. ?1 = request id.
SELECT count(*)
FROM tablet t
JOIN bundle b ON b.id = t.bundle_id
JOIN allocation a ON a.id = b.allocation_id
WHERE t.status = 'DELIVERED' AND a.request_id = ?1
