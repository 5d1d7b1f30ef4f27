-- Running sums of the counted ledger, per campaign, shard, engagement and region: what the public report, the pool,
-- the void checks and the reconcile read instead of aggregating tens of millions of rows. Triggers keep them in the
-- same transaction as the change they follow, whoever makes it (the ledger writer, a like import, a void or a lifted
-- hold), so a sum never disagrees with the rows it sums. Sharded like the streams, so two writers of different shards
-- never wait on the same sum row.
CREATE TABLE ledger_sum (
    campaign_id  bigint NOT NULL REFERENCES campaign (id),
    shard        smallint NOT NULL,
    engagement   text NOT NULL,
    region_code  text,
    units        bigint NOT NULL,
    megabytes    bigint NOT NULL,
    CONSTRAINT ledger_sum_key UNIQUE NULLS NOT DISTINCT (campaign_id, shard, engagement, region_code)
);

CREATE FUNCTION ledger_sum_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO ledger_sum AS s (campaign_id, shard, engagement, region_code, units, megabytes)
    SELECT campaign_id, shard, engagement, region_code, sum(units), sum(megabytes)
    FROM added GROUP BY campaign_id, shard, engagement, region_code
    ORDER BY campaign_id, shard, engagement, region_code -- one lock order, so concurrent writers cannot deadlock
    ON CONFLICT ON CONSTRAINT ledger_sum_key
        DO UPDATE SET units = s.units + excluded.units, megabytes = s.megabytes + excluded.megabytes;
    RETURN NULL;
END $$;

CREATE TRIGGER donation_sums AFTER INSERT ON donation REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_sum_added();

-- Rows linked to a void in force leave the sums (a link is made once and never changes: donation_void_is_final).
CREATE FUNCTION ledger_sum_voided() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO ledger_sum AS s (campaign_id, shard, engagement, region_code, units, megabytes)
    SELECT d.campaign_id, d.shard, d.engagement, d.region_code, -sum(d.units), -sum(d.megabytes)
    FROM linked l JOIN donation d ON d.id = l.donation_id JOIN void v ON v.id = l.void_id
    WHERE v.lifted_at IS NULL
    GROUP BY d.campaign_id, d.shard, d.engagement, d.region_code
    ORDER BY d.campaign_id, d.shard, d.engagement, d.region_code
    ON CONFLICT ON CONSTRAINT ledger_sum_key
        DO UPDATE SET units = s.units + excluded.units, megabytes = s.megabytes + excluded.megabytes;
    RETURN NULL;
END $$;

CREATE TRIGGER donation_void_sums AFTER INSERT ON donation_void REFERENCING NEW TABLE AS linked
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_sum_voided();

-- A lifted hold's rows count again.
CREATE FUNCTION ledger_sum_lifted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO ledger_sum AS s (campaign_id, shard, engagement, region_code, units, megabytes)
    SELECT d.campaign_id, d.shard, d.engagement, d.region_code, sum(d.units), sum(d.megabytes)
    FROM donation_void dv JOIN donation d ON d.id = dv.donation_id
    WHERE dv.void_id = NEW.id
    GROUP BY d.campaign_id, d.shard, d.engagement, d.region_code
    ORDER BY d.campaign_id, d.shard, d.engagement, d.region_code
    ON CONFLICT ON CONSTRAINT ledger_sum_key
        DO UPDATE SET units = s.units + excluded.units, megabytes = s.megabytes + excluded.megabytes;
    RETURN NULL;
END $$;

CREATE TRIGGER void_lifted_sums AFTER UPDATE OF lifted_at ON void FOR EACH ROW
    WHEN (OLD.lifted_at IS NULL AND NEW.lifted_at IS NOT NULL) EXECUTE FUNCTION ledger_sum_lifted();

-- What the ledger already holds.
INSERT INTO ledger_sum (campaign_id, shard, engagement, region_code, units, megabytes)
SELECT campaign_id, shard, engagement, region_code, sum(units), sum(megabytes)
FROM counted_donation GROUP BY campaign_id, shard, engagement, region_code;
