-- A campaign's bundle validity: size 0 for every size, then the sizes that differ. ?1 = campaign id.
SELECT bundle_megabytes, days FROM bundle_validity WHERE campaign_id = ?1 ORDER BY bundle_megabytes
