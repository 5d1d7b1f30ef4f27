-- One bundle size of a campaign. ?1 = campaign id, ?2 = megabytes.
INSERT INTO bundle_size (campaign_id, megabytes) VALUES (?1, ?2)
