-- Connectivity sites as installations: a douar's site is surveyed with a field partner, approved, installed in a
-- phase, goes live, and may go offline or into maintenance. The site row is where it stands; site_event is every step,
-- append-only, as tablet_event is for tablets.

-- A roll-out phase of the village programme: its budget and how many installations it plans.
CREATE TABLE site_phase (
    id                     bigserial PRIMARY KEY,
    number                 int NOT NULL UNIQUE CHECK (number BETWEEN 1 AND 100),
    name                   text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    budget_mad             bigint NOT NULL CHECK (budget_mad >= 0),
    planned_installations  int NOT NULL CHECK (planned_installations > 0),
    created_at             timestamptz NOT NULL
);

CREATE TABLE site (
    beneficiary_id   bigint PRIMARY KEY REFERENCES beneficiary (id),
    status           text NOT NULL CHECK (status IN ('SURVEYED', 'APPROVED', 'INSTALLED', 'LIVE', 'OFFLINE', 'MAINTENANCE')),
    grid_power       boolean NOT NULL,
    phase_id         bigint REFERENCES site_phase (id),
    installed_on     date,
    kit              text,
    mast_meters      numeric(4, 1),
    wifi_range_meters int,
    bandwidth_mbps   int,
    cost_mad         bigint,
    updated_at       timestamptz NOT NULL,
    CHECK ((status IN ('SURVEYED', 'APPROVED')) = (installed_on IS NULL)),
    CHECK (installed_on IS NULL OR (phase_id IS NOT NULL AND bandwidth_mbps > 0 AND cost_mad >= 0))
);

CREATE INDEX site_phase_installed ON site (phase_id);

CREATE TABLE site_event (
    id                 bigserial PRIMARY KEY,
    beneficiary_id     bigint NOT NULL REFERENCES beneficiary (id),
    from_status        text,
    to_status          text NOT NULL,
    -- a survey
    partner            text,
    surveyed_on        date,
    grid_power         boolean,
    findings           text,
    recommended_kit    text,
    -- an installation
    phase_id           bigint REFERENCES site_phase (id),
    installed_on       date,
    kit                text,
    mast_meters        numeric(4, 1),
    wifi_range_meters  int,
    bandwidth_mbps     int,
    cost_mad           bigint,
    -- approval, going live, offline, maintenance
    note               text,
    actor              text NOT NULL,
    at                 timestamptz NOT NULL
);

CREATE INDEX site_event_site ON site_event (beneficiary_id, id);

CREATE TRIGGER site_event_is_final BEFORE UPDATE OR DELETE ON site_event FOR EACH ROW EXECUTE FUNCTION refuse_change();
