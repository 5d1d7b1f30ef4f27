-- Clears a campaign's bundle validity before it is set anew (in the same transaction). ?1 = campaign id.
DELETE FROM bundle_validity WHERE campaign_id = ?1
