-- Megabytes allocated from a campaign's pool (no row: none yet). ?1 = campaign id.
SELECT allocated_megabytes FROM pool WHERE campaign_id = ?1
