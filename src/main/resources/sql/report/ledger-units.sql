-- Clicks and likes of a campaign as the ledger holds them. ?1 = campaign id.
SELECT coalesce(sum(units) FILTER (WHERE engagement = 'CLICK'), 0),
       coalesce(sum(units) FILTER (WHERE engagement = 'LIKE'), 0)
FROM counted_donation
WHERE campaign_id = ?1
