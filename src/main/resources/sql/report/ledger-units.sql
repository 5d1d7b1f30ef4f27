-- Clicks and likes of a campaign as the ledger counts them, from its running sums. ?1 = campaign id.
SELECT coalesce(sum(units) FILTER (WHERE engagement = 'CLICK'), 0) AS clicks,
       coalesce(sum(units) FILTER (WHERE engagement = 'LIKE'), 0) AS likes
FROM ledger_sum
WHERE campaign_id = ?1
