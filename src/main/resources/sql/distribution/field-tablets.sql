-- A distributor's tablets as its phone keeps them: where each stands and whose bundle it carries (the only beneficiary
-- it may be assigned to). Delivered ones of the last 30 days only: the phone keeps what the distributor needs, not every
-- recipient ever. ?1 distributor id, ?2 the oldest delivery kept.
SELECT t.serial, t.imei, t.model, t.status, b.megabytes AS bundle_megabytes, bf.code AS bundle_for,
       bf.name AS bundle_for_name, bf.region_code, assigned.code AS assigned_to, t.recipient,
       to_char(t.delivered_on, 'YYYY-MM-DD') AS delivered_on
FROM tablet t
JOIN bundle b ON b.id = t.bundle_id
JOIN beneficiary bf ON bf.id = b.beneficiary_id
LEFT JOIN beneficiary assigned ON assigned.id = t.beneficiary_id
WHERE t.distributor_id = ?1
  AND (t.status IN ('SHIPPED', 'ASSIGNED') OR (t.status = 'DELIVERED' AND t.updated_at > CAST(?2 AS timestamptz)))
ORDER BY t.serial
