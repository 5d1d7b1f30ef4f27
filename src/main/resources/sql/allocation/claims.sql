-- The requests of a campaign the planner may serve: the review in force (the latest), not declined, with what has been
-- allocated to them so far. ?1 = campaign id.
WITH review AS (
    SELECT DISTINCT ON (e.request_id) e.request_id, e.kind, e.approved_tablets, e.approved_gigabytes
    FROM request_event e
    JOIN request r ON r.id = e.request_id
    WHERE r.campaign_id = ?1 AND e.kind IN ('APPROVED', 'PARTLY_APPROVED', 'DECLINED')
    ORDER BY e.request_id, e.id DESC
), allocated AS (
    SELECT request_id, sum(bundles) AS bundles, sum(megabytes) AS megabytes
    FROM allocation
    WHERE campaign_id = ?1
    GROUP BY request_id
)
SELECT r.id AS request_id, bf.code AS beneficiary_code, bf.region_code, r.people, rv.approved_tablets,
       rv.approved_gigabytes, coalesce(a.bundles, 0) AS allocated_bundles, coalesce(a.megabytes, 0) AS allocated_megabytes,
       bf.id AS beneficiary_id
FROM request r
JOIN review rv ON rv.request_id = r.id
JOIN beneficiary bf ON bf.id = r.beneficiary_id
LEFT JOIN allocated a ON a.request_id = r.id
WHERE rv.kind <> 'DECLINED'
ORDER BY r.id
