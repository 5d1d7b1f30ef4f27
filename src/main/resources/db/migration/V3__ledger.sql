-- The ledger: one row per accepted click batch or imported like. Append-only; the source of truth for every total.
CREATE TABLE donation (
    id           bigserial PRIMARY KEY,
    campaign_id  bigint NOT NULL REFERENCES campaign (id),
    engagement   text NOT NULL CHECK (engagement IN ('CLICK', 'LIKE')),
    session_id   text,
    seq          int CHECK (seq > 0),
    external_id  text,
    shard        smallint NOT NULL CHECK (shard >= 0),
    region_code  text REFERENCES region (code),
    player       text,
    units        int NOT NULL CHECK (units > 0),
    megabytes    bigint NOT NULL CHECK (megabytes > 0),
    donated_at   timestamptz NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT donation_session_seq UNIQUE (session_id, seq),
    CONSTRAINT donation_external UNIQUE (campaign_id, external_id),
    CHECK ((engagement = 'CLICK' AND session_id IS NOT NULL AND seq IS NOT NULL AND external_id IS NULL)
        OR (engagement = 'LIKE' AND session_id IS NULL AND seq IS NULL AND external_id IS NOT NULL))
);

CREATE INDEX donation_campaign_shard ON donation (campaign_id, shard);

-- Campaign totals as the ledger states them.
CREATE VIEW ledger_total AS
SELECT campaign_id,
       coalesce(sum(units) FILTER (WHERE engagement = 'CLICK'), 0) AS clicks,
       coalesce(sum(units) FILTER (WHERE engagement = 'LIKE'), 0)  AS likes,
       coalesce(sum(megabytes), 0)                                  AS megabytes,
       count(DISTINCT session_id)                                   AS sessions
FROM donation
GROUP BY campaign_id;
