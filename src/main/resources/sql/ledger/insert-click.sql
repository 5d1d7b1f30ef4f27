-- One accepted batch from a ledger stream; a batch already recorded (replayed stream entry) is skipped.
INSERT INTO donation (campaign_id, engagement, session_id, seq, shard, region_code, player, units, megabytes, donated_at,
                      network, team_id, opens_round, rate_tenths)
VALUES (?, 'CLICK', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT DO NOTHING
