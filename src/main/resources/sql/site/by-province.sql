-- Installations per region and province.
SELECT b.region_code, b.province, count(*) AS installed,
       count(*) FILTER (WHERE s.status = 'LIVE') AS live,
       sum(b.people_served) AS people, round(avg(s.bandwidth_mbps)) AS bandwidth, round(avg(s.cost_mad)) AS cost
FROM site s JOIN beneficiary b ON b.id = s.beneficiary_id
WHERE s.installed_on IS NOT NULL
GROUP BY b.region_code, b.province
ORDER BY b.region_code, b.province
