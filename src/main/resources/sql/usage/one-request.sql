-- One request as its beneficiary's usage page shows it: who, how many tablets and megabytes it was delivered, until
-- when the last of them is valid (?2: the default validity in days). ?1 = request id.
SELECT r.id, r.campaign_id, bf.name, count(t.id) AS tablets, coalesce(sum(b.megabytes), 0) AS megabytes,
       max(t.delivered_on + coalesce(vs.days, vd.days, ?2)) AS valid_until
FROM request r
JOIN beneficiary bf ON bf.id = r.beneficiary_id
LEFT JOIN allocation a ON a.request_id = r.id
LEFT JOIN bundle b ON b.allocation_id = a.id
LEFT JOIN tablet t ON t.bundle_id = b.id AND t.status = 'DELIVERED'
LEFT JOIN bundle_validity vs ON vs.campaign_id = r.campaign_id AND vs.bundle_megabytes = b.megabytes AND t.id IS NOT NULL
LEFT JOIN bundle_validity vd ON vd.campaign_id = r.campaign_id AND vd.bundle_megabytes = 0 AND t.id IS NOT NULL
WHERE r.id = ?1
GROUP BY r.id, r.campaign_id, bf.name
