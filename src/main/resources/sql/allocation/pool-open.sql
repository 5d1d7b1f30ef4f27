-- The campaign's pool row, created on its first commit. ?1 = campaign id.
INSERT INTO pool (campaign_id) VALUES (?1) ON CONFLICT DO NOTHING
