-- Megabytes donated to a campaign as the ledger holds them, voided clicks excepted. ?1 = campaign id.
SELECT coalesce(sum(megabytes), 0) FROM ledger_sum WHERE campaign_id = ?1
