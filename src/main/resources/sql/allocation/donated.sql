-- Megabytes donated to a campaign as the ledger holds them. ?1 = campaign id.
SELECT coalesce(sum(megabytes), 0) FROM donation WHERE campaign_id = ?1
