-- A campaign's counted megabytes, as the ledger's running sums hold them (the same source as team_sum). ?1 = campaign id.
SELECT coalesce(sum(megabytes), 0) AS megabytes FROM ledger_sum WHERE campaign_id = ?1
