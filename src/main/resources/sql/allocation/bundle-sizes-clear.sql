-- Forgets a campaign's bundle sizes before they are set again. ?1 = campaign id.
DELETE FROM bundle_size WHERE campaign_id = ?1
