-- One bundle with its allocation's request and the tablet that carries it, if any. ?1 = bundle id.
SELECT b.id, b.allocation_id, a.request_id, b.beneficiary_id, b.megabytes, t.serial AS on_tablet
FROM bundle b
JOIN allocation a ON a.id = b.allocation_id
LEFT JOIN tablet t ON t.bundle_id = b.id
WHERE b.id = ?1
