-- Each request of a campaign that has delivered bundles: what it was delivered, until when the last of them is valid
-- (its tablet's delivery plus the bundle's validity: its size's own, else the campaign's, else ?2 days), and the
-- gigabytes its latest usage report says were used (NULL: none yet). ?1 = campaign id, ?2 = default validity in days.
WITH delivered AS (
    SELECT a.request_id, sum(b.megabytes) AS megabytes, max(t.delivered_on) AS last_delivered,
           max(t.delivered_on + coalesce(vs.days, vd.days, ?2)) AS valid_until
    FROM allocation a
    JOIN bundle b ON b.allocation_id = a.id
    JOIN tablet t ON t.bundle_id = b.id AND t.status = 'DELIVERED'
    LEFT JOIN bundle_validity vs ON vs.campaign_id = a.campaign_id AND vs.bundle_megabytes = b.megabytes
    LEFT JOIN bundle_validity vd ON vd.campaign_id = a.campaign_id AND vd.bundle_megabytes = 0
    WHERE a.campaign_id = ?1
    GROUP BY a.request_id
), used AS (
    SELECT DISTINCT ON (e.request_id) e.request_id, (e.report ->> 'gigabytesUsed')::bigint AS gigabytes
    FROM request_event e JOIN request r ON r.id = e.request_id
    WHERE r.campaign_id = ?1 AND e.kind = 'USAGE_REPORTED'
    ORDER BY e.request_id, e.id DESC
)
SELECT d.request_id, bf.code AS beneficiary, bf.name, bf.kind, bf.region_code, d.megabytes, d.last_delivered,
       d.valid_until, u.gigabytes AS used_gigabytes
FROM delivered d
JOIN request r ON r.id = d.request_id
JOIN beneficiary bf ON bf.id = r.beneficiary_id
LEFT JOIN used u ON u.request_id = d.request_id
ORDER BY d.valid_until, d.request_id
