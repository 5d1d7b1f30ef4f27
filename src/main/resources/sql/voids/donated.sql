-- Megabytes donated to a campaign and counted (voids excepted): the pool's ceiling, as allocation/donated.sql reads it.
SELECT coalesce(sum(megabytes), 0) FROM ledger_sum WHERE campaign_id = ?
