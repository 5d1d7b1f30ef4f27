-- The leading teams of one region that are not hidden, by megabytes (index team_sum_region_board).
-- ?1 = campaign id, ?2 = region code, ?3 = how many.
SELECT t.code, t.name, t.region_code, s.units, s.megabytes, s.rounds, s.members
FROM team_sum s JOIN team t ON t.id = s.team_id
WHERE s.campaign_id = ?1 AND s.region_code = ?2 AND t.hidden_at IS NULL
ORDER BY s.megabytes DESC, s.team_id
LIMIT ?3
