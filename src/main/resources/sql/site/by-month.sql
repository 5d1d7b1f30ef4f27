-- What an installation cost, month by month of installation.
SELECT to_char(s.installed_on, 'YYYY-MM') AS month, count(*) AS installed, round(avg(s.cost_mad)) AS cost,
       round(avg(s.bandwidth_mbps)) AS bandwidth
FROM site s
WHERE s.installed_on IS NOT NULL
GROUP BY month
ORDER BY month
