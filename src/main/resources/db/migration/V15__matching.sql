-- Matching hours: windows in which a sponsor matches each click, so that it is worth more (x2 from 21:00 to 22:00).
-- Scheduled by a manager before they start (every instance learns them from its catalog long before), never
-- overlapping in a campaign; one that has not started may be cancelled. Each donation records the rate that applied
-- (donation.rate_tenths), so totals, the report, the pool and the purse count megabytes at those rates.
CREATE TABLE matching_window (
    id            bigserial PRIMARY KEY,
    campaign_id   bigint NOT NULL REFERENCES campaign (id),
    starts_at     timestamptz NOT NULL,
    ends_at       timestamptz NOT NULL CHECK (ends_at > starts_at),
    -- tenths: 20 = x2
    rate_tenths   smallint NOT NULL CHECK (rate_tenths BETWEEN 11 AND 50),
    created_by    text NOT NULL,
    created_at    timestamptz NOT NULL,
    cancelled_at  timestamptz,
    cancelled_by  text
);
CREATE INDEX matching_window_campaign ON matching_window (campaign_id, starts_at);
