-- Teams: anyone with a player identity creates one for a campaign (a school, a club, a company, a village), players
-- join it by its invite link, one team per player per campaign. A team's counts come from the ledger: the batch script
-- writes the player's team into each ledger entry and team_sum follows the ledger in the same transaction, as
-- ledger_sum does, so the leaderboard is one index read and survives a Redis loss.

CREATE TABLE team (
    id             bigserial PRIMARY KEY,
    campaign_id    bigint NOT NULL REFERENCES campaign (id),
    -- the invite link's part, random: /c/<slug>/t/<code>
    code           text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9]{8}$'),
    name           text NOT NULL CHECK (length(name) BETWEEN 3 AND 40),
    -- the name as compared: case, accents, Arabic short vowels, spaces and punctuation removed
    name_key       text NOT NULL,
    region_code    text NOT NULL REFERENCES region (code),
    -- the player who created it (a keyed hash, as in the ledger): one team per creator and campaign
    created_by     text NOT NULL,
    created_at     timestamptz NOT NULL,
    hidden_at      timestamptz,
    hidden_reason  text,
    CONSTRAINT team_name_taken UNIQUE (campaign_id, name_key),
    CONSTRAINT team_one_per_creator UNIQUE (campaign_id, created_by),
    CHECK ((hidden_at IS NULL AND hidden_reason IS NULL) OR (hidden_at IS NOT NULL AND length(hidden_reason) > 0))
);

-- Every step of a team that a manager or its creator took: created, hidden (with the reason), shown again.
CREATE TABLE team_event (
    id       bigserial PRIMARY KEY,
    team_id  bigint NOT NULL REFERENCES team (id),
    kind     text NOT NULL CHECK (kind IN ('CREATED', 'HIDDEN', 'SHOWN')),
    reason   text,
    actor    text NOT NULL,
    at       timestamptz NOT NULL
);
CREATE INDEX team_event_team ON team_event (team_id);
CREATE TRIGGER team_event_is_final BEFORE UPDATE OR DELETE ON team_event FOR EACH ROW EXECUTE FUNCTION refuse_change();

CREATE TABLE team_member (
    campaign_id  bigint NOT NULL REFERENCES campaign (id),
    player       text NOT NULL,
    team_id      bigint NOT NULL REFERENCES team (id),
    joined_at    timestamptz NOT NULL,
    PRIMARY KEY (campaign_id, player)
);
CREATE INDEX team_member_team ON team_member (team_id);

-- Every join and leave, so a player's changes of team are counted (a few a day) and a team's history kept. Not
-- final: a player who erases their history erases these rows too.
CREATE TABLE team_member_event (
    id           bigserial PRIMARY KEY,
    campaign_id  bigint NOT NULL REFERENCES campaign (id),
    player       text NOT NULL,
    team_id      bigint NOT NULL REFERENCES team (id),
    kind         text NOT NULL CHECK (kind IN ('JOINED', 'LEFT')),
    at           timestamptz NOT NULL
);
CREATE INDEX team_member_event_player ON team_member_event (campaign_id, player, at);

-- What the ledger now records of each batch: the player's team, whether it opened a round (the session's first
-- counted batch) and the rate of the matching hour it fell in (tenths: 10 = x1, 20 = x2).
ALTER TABLE donation
    ADD COLUMN team_id bigint REFERENCES team (id),
    ADD COLUMN opens_round boolean NOT NULL DEFAULT false,
    ADD COLUMN rate_tenths smallint NOT NULL DEFAULT 10 CHECK (rate_tenths BETWEEN 10 AND 50);
CREATE INDEX donation_player ON donation (player) WHERE player IS NOT NULL;

CREATE OR REPLACE VIEW counted_donation AS
SELECT d.*
FROM donation d
WHERE NOT EXISTS (
    SELECT 1 FROM donation_void dv JOIN void v ON v.id = dv.void_id
    WHERE dv.donation_id = d.id AND v.lifted_at IS NULL);

-- A team's counted clicks, megabytes and rounds, kept by triggers in the transaction of the ledger's change.
CREATE TABLE team_sum (
    team_id      bigint PRIMARY KEY REFERENCES team (id),
    campaign_id  bigint NOT NULL REFERENCES campaign (id),
    region_code  text NOT NULL,
    units        bigint NOT NULL,
    megabytes    bigint NOT NULL,
    rounds       bigint NOT NULL,
    -- kept by the joins and leaves, so a team's page never counts its members one by one
    members      bigint NOT NULL DEFAULT 0 CHECK (members >= 0)
);
CREATE INDEX team_sum_board ON team_sum (campaign_id, megabytes DESC, team_id);
CREATE INDEX team_sum_region_board ON team_sum (campaign_id, region_code, megabytes DESC, team_id);

-- Each trigger adds (or takes away) the rows it sees, grouped by team, in one lock order so that concurrent writers
-- cannot deadlock.
CREATE FUNCTION team_sum_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO team_sum AS s (team_id, campaign_id, region_code, units, megabytes, rounds)
    SELECT t.id, t.campaign_id, t.region_code, sum(a.units), sum(a.megabytes), count(*) FILTER (WHERE a.opens_round)
    FROM added a JOIN team t ON t.id = a.team_id
    GROUP BY t.id ORDER BY t.id
    ON CONFLICT (team_id) DO UPDATE SET units = s.units + excluded.units, megabytes = s.megabytes + excluded.megabytes,
                                        rounds = s.rounds + excluded.rounds;
    RETURN NULL;
END $$;

CREATE TRIGGER donation_team_sums AFTER INSERT ON donation REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION team_sum_added();

CREATE FUNCTION team_sum_voided() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE team_sum s SET units = s.units - v.units, megabytes = s.megabytes - v.megabytes, rounds = s.rounds - v.rounds
    FROM (SELECT d.team_id, sum(d.units) AS units, sum(d.megabytes) AS megabytes,
                 count(*) FILTER (WHERE d.opens_round) AS rounds
          FROM linked l JOIN donation d ON d.id = l.donation_id JOIN void v ON v.id = l.void_id
          WHERE v.lifted_at IS NULL AND d.team_id IS NOT NULL
          GROUP BY d.team_id) v
    WHERE s.team_id = v.team_id;
    RETURN NULL;
END $$;

CREATE TRIGGER donation_void_team_sums AFTER INSERT ON donation_void REFERENCING NEW TABLE AS linked
    FOR EACH STATEMENT EXECUTE FUNCTION team_sum_voided();

CREATE FUNCTION team_sum_lifted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE team_sum s SET units = s.units + v.units, megabytes = s.megabytes + v.megabytes, rounds = s.rounds + v.rounds
    FROM (SELECT d.team_id, sum(d.units) AS units, sum(d.megabytes) AS megabytes,
                 count(*) FILTER (WHERE d.opens_round) AS rounds
          FROM donation_void dv JOIN donation d ON d.id = dv.donation_id
          WHERE dv.void_id = NEW.id AND d.team_id IS NOT NULL
          GROUP BY d.team_id) v
    WHERE s.team_id = v.team_id;
    RETURN NULL;
END $$;

CREATE TRIGGER void_lifted_team_sums AFTER UPDATE OF lifted_at ON void FOR EACH ROW
    WHEN (OLD.lifted_at IS NULL AND NEW.lifted_at IS NOT NULL) EXECUTE FUNCTION team_sum_lifted();
