-- Megabytes allocated from a campaign's pool (no row: none yet), as allocation/allocated.sql reads it.
SELECT allocated_megabytes FROM pool WHERE campaign_id = ?
