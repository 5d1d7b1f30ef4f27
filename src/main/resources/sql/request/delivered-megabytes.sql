-- What a request was delivered: the megabytes of its bundles on delivered tablets. ?1 = request id.
SELECT coalesce(sum(b.megabytes), 0) AS megabytes
FROM allocation a
JOIN bundle b ON b.allocation_id = a.id
JOIN tablet t ON t.bundle_id = b.id AND t.status = 'DELIVERED'
WHERE a.request_id = ?1
