-- Each phase against its plan and budget: installations (installed, whatever happened since), live ones, what they
-- cost, the people their sites serve.
SELECT p.number, p.name, p.planned_installations AS planned, p.budget_mad,
       count(s.beneficiary_id) AS installed,
       count(s.beneficiary_id) FILTER (WHERE s.status = 'LIVE') AS live,
       coalesce(sum(s.cost_mad), 0) AS spent,
       coalesce(sum(b.people_served), 0) AS people,
       round(avg(s.bandwidth_mbps)) AS bandwidth
FROM site_phase p
LEFT JOIN site s ON s.phase_id = p.id AND s.installed_on IS NOT NULL
LEFT JOIN beneficiary b ON b.id = s.beneficiary_id
GROUP BY p.id
ORDER BY p.number
