-- Every team of a campaign for its managers, hidden ones too, by megabytes. ?1 = campaign id.
SELECT t.id, t.code, t.name, t.region_code, t.created_at, t.hidden_at, t.hidden_reason,
       s.units, s.megabytes, s.rounds, s.members
FROM team t JOIN team_sum s ON s.team_id = t.id
WHERE t.campaign_id = ?1
ORDER BY s.megabytes DESC, t.id
