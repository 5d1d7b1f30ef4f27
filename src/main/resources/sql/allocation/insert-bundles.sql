-- The bundles of a new allocation, one row each. ?1 allocation, ?2 campaign, ?3 beneficiary, ?4 megabytes, ?5 count.
INSERT INTO bundle (allocation_id, campaign_id, beneficiary_id, megabytes)
SELECT ?1, ?2, ?3, ?4 FROM generate_series(1, ?5)
