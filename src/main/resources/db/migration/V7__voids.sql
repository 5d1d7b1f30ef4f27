-- Hold and void: clicks judged scripted, or out of line on review, leave every total while their ledger rows stay.
-- The ledger gains the keyed hash of the player's network of the day (never a raw address), so a manager can name a
-- network's clicks over a time range.
ALTER TABLE donation ADD COLUMN network text;
CREATE INDEX donation_campaign_player ON donation (campaign_id, player, donated_at) WHERE player IS NOT NULL;
CREATE INDEX donation_campaign_network ON donation (campaign_id, network, donated_at) WHERE network IS NOT NULL;
CREATE INDEX donation_session ON donation (session_id) WHERE session_id IS NOT NULL;

-- A void names what it takes out, who decided and why. kind HOLD: out of the totals until a manager lifts it (then
-- lifted_at is set and the clicks count again) or confirms it (kind becomes VOID); VOID is final. The guard's own
-- voids (a session judged scripted part-way) name the session and are final at once.
CREATE TABLE void (
    id           bigserial PRIMARY KEY,
    campaign_id  bigint NOT NULL REFERENCES campaign (id),
    kind         text NOT NULL CHECK (kind IN ('HOLD', 'VOID')),
    target       text NOT NULL CHECK (target IN ('SESSION', 'IDENTITY', 'NETWORK')),
    hash         text NOT NULL,
    from_at      timestamptz,
    to_at        timestamptz,
    reason       text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    actor        text NOT NULL,
    at           timestamptz NOT NULL DEFAULT now(),
    clicks       bigint NOT NULL CHECK (clicks >= 0),
    megabytes    bigint NOT NULL CHECK (megabytes >= 0),
    lifted_at    timestamptz,
    lifted_by    text,
    confirmed_at timestamptz,
    confirmed_by text,
    CHECK (target = 'SESSION' OR (from_at IS NOT NULL AND to_at IS NOT NULL AND from_at < to_at)),
    CHECK (kind = 'HOLD' OR lifted_at IS NULL)
);
CREATE UNIQUE INDEX void_of_session ON void (campaign_id, hash) WHERE target = 'SESSION';
CREATE INDEX void_campaign ON void (campaign_id, id);

-- Which ledger rows a void takes out: a row belongs to at most one void.
CREATE TABLE donation_void (
    donation_id  bigint PRIMARY KEY REFERENCES donation (id),
    void_id      bigint NOT NULL REFERENCES void (id)
);
CREATE INDEX donation_void_void ON donation_void (void_id);
CREATE TRIGGER donation_void_is_final BEFORE UPDATE OR DELETE ON donation_void FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- The donations that count: every ledger row but those of a void in force (a lifted hold counts again).
CREATE VIEW counted_donation AS
SELECT d.*
FROM donation d
WHERE NOT EXISTS (
    SELECT 1 FROM donation_void dv JOIN void v ON v.id = dv.void_id
    WHERE dv.donation_id = d.id AND v.lifted_at IS NULL);

CREATE OR REPLACE VIEW ledger_total AS
SELECT campaign_id,
       coalesce(sum(units) FILTER (WHERE engagement = 'CLICK'), 0) AS clicks,
       coalesce(sum(units) FILTER (WHERE engagement = 'LIKE'), 0)  AS likes,
       coalesce(sum(megabytes), 0)                                  AS megabytes,
       count(DISTINCT session_id)                                   AS sessions
FROM counted_donation
GROUP BY campaign_id;
