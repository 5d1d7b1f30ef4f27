-- A team's member count moves by ?2 (1 on a join, -1 on a leave). ?1 = team id.
UPDATE team_sum SET members = members + ?2 WHERE team_id = ?1
