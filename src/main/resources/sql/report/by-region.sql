-- A campaign's way from donations to delivered tablets and to sites' routers, per region. ?1 = campaign id. Donations from the running
-- sums (ledger_sum), never an aggregate over the ledger's rows.
-- Tablet counts are cumulative stages: a delivered tablet was also preloaded and shipped. Donations without a region
-- (likes imported without one) are under region NULL.
WITH donated AS (
    SELECT region_code, sum(megabytes) AS megabytes FROM ledger_sum WHERE campaign_id = ?1 GROUP BY region_code
), allocated AS (
    SELECT bf.region_code, sum(a.megabytes) AS megabytes
    FROM (SELECT beneficiary_id, megabytes FROM allocation WHERE campaign_id = ?1
          UNION ALL
          SELECT beneficiary_id, megabytes FROM site_bundle WHERE campaign_id = ?1) a
    JOIN beneficiary bf ON bf.id = a.beneficiary_id
    GROUP BY bf.region_code
), sites AS (
    -- A site's monthly bundle goes straight to its router's SIM when issued: delivered then.
    SELECT bf.region_code, sum(sb.megabytes) AS megabytes, count(DISTINCT sb.beneficiary_id) AS served
    FROM site_bundle sb JOIN beneficiary bf ON bf.id = sb.beneficiary_id
    WHERE sb.campaign_id = ?1 GROUP BY bf.region_code
), tablets AS (
    SELECT bf.region_code,
           count(*) FILTER (WHERE t.status IN ('PRELOADED', 'SHIPPED', 'ASSIGNED', 'DELIVERED')) AS preloaded,
           count(*) FILTER (WHERE t.status IN ('SHIPPED', 'ASSIGNED', 'DELIVERED')) AS shipped,
           count(*) FILTER (WHERE t.status = 'DELIVERED') AS delivered,
           coalesce(sum(b.megabytes) FILTER (WHERE t.status = 'DELIVERED'), 0) AS delivered_megabytes,
           count(*) FILTER (WHERE t.status = 'DELIVERED'
                            AND EXISTS (SELECT 1 FROM delivery_proof p WHERE p.tablet_id = t.id)) AS with_proof
    FROM tablet t JOIN bundle b ON b.id = t.bundle_id JOIN beneficiary bf ON bf.id = b.beneficiary_id
    WHERE b.campaign_id = ?1 GROUP BY bf.region_code
), reached AS (
    SELECT bf.region_code, count(DISTINCT bf.id) AS beneficiaries
    FROM tablet t JOIN bundle b ON b.id = t.bundle_id JOIN beneficiary bf ON bf.id = b.beneficiary_id
    WHERE b.campaign_id = ?1 AND t.status = 'DELIVERED' GROUP BY bf.region_code
), people AS (
    SELECT bf.region_code, sum(r.people) AS people
    FROM request r JOIN beneficiary bf ON bf.id = r.beneficiary_id
    WHERE r.campaign_id = ?1 AND EXISTS (
        SELECT 1 FROM allocation a JOIN bundle b ON b.allocation_id = a.id JOIN tablet t ON t.bundle_id = b.id
        WHERE a.request_id = r.id AND t.status = 'DELIVERED')
    GROUP BY bf.region_code
), regions AS (
    SELECT code FROM region
    UNION ALL
    SELECT NULL WHERE EXISTS (SELECT 1 FROM donated WHERE region_code IS NULL AND megabytes > 0)
)
SELECT g.code AS region,
       coalesce(d.megabytes, 0) AS donated, coalesce(al.megabytes, 0) AS allocated,
       coalesce(tb.preloaded, 0) AS preloaded, coalesce(tb.shipped, 0) AS shipped, coalesce(tb.delivered, 0) AS delivered,
       coalesce(rc.beneficiaries, 0) AS beneficiaries, coalesce(p.people, 0) AS people,
       coalesce(tb.delivered_megabytes, 0) AS delivered_megabytes, coalesce(tb.with_proof, 0) AS delivered_with_proof,
       coalesce(st.megabytes, 0) AS site_megabytes, coalesce(st.served, 0) AS sites_served
FROM regions g
LEFT JOIN donated d ON d.region_code IS NOT DISTINCT FROM g.code
LEFT JOIN allocated al ON al.region_code = g.code
LEFT JOIN tablets tb ON tb.region_code = g.code
LEFT JOIN reached rc ON rc.region_code = g.code
LEFT JOIN people p ON p.region_code = g.code
LEFT JOIN sites st ON st.region_code = g.code
ORDER BY g.code NULLS LAST
