-- A campaign's sponsor (name, logo, link) and purse: the most megabytes the sponsor gives for the campaign's clicks.
-- Redis spends it through shard quotas refilled from a central balance (docs/purse.md); this is what was promised, and
-- what Redis rebuilds it from.
ALTER TABLE campaign
    ADD COLUMN sponsor_name text CHECK (length(sponsor_name) BETWEEN 1 AND 100),
    ADD COLUMN sponsor_logo text CHECK (sponsor_logo ~ '^https://'),
    ADD COLUMN sponsor_link text CHECK (sponsor_link ~ '^https://'),
    ADD COLUMN purse_megabytes bigint CHECK (purse_megabytes > 0),
    ADD CONSTRAINT campaign_purse_has_sponsor CHECK (purse_megabytes IS NULL OR sponsor_name IS NOT NULL);
