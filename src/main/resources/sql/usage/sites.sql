-- The sites' monthly bundles of a campaign: issued to their routers' SIMs (delivered then), valid for their month.
-- ?1 = campaign id.
SELECT bf.region_code, bf.kind, sb.megabytes, sb.expires_on
FROM site_bundle sb JOIN beneficiary bf ON bf.id = sb.beneficiary_id
WHERE sb.campaign_id = ?1
