-- A new team's sums, at nothing yet. ?1 = team id, ?2 = campaign id, ?3 = region code.
INSERT INTO team_sum (team_id, campaign_id, region_code, units, megabytes, rounds, members)
VALUES (?1, ?2, ?3, 0, 0, 0, 0)
