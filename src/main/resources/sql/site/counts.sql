-- Sites surveyed (every site has been), installed, live; the people the installed ones serve.
SELECT count(*) AS surveyed,
       count(*) FILTER (WHERE s.installed_on IS NOT NULL) AS installed,
       count(*) FILTER (WHERE s.status = 'LIVE') AS live,
       coalesce(sum(b.people_served) FILTER (WHERE s.installed_on IS NOT NULL), 0) AS people
FROM site s JOIN beneficiary b ON b.id = s.beneficiary_id
