-- Allocation and distribution: who receives the donated data, who carries it, and every step on the way.

-- An association, a school or a connectivity site (a douar installation). Not tied to one campaign.
CREATE TABLE beneficiary (
    id                   bigserial PRIMARY KEY,
    code                 text NOT NULL UNIQUE CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$'),
    kind                 text NOT NULL CHECK (kind IN ('ASSOCIATION', 'SCHOOL', 'CONNECTIVITY_SITE')),
    name                 text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    region_code          text NOT NULL REFERENCES region (code),
    province             text NOT NULL CHECK (length(province) BETWEEN 1 AND 100),
    people_served        int NOT NULL CHECK (people_served > 0),
    tablets_requested    int NOT NULL DEFAULT 0 CHECK (tablets_requested >= 0),
    gigabytes_requested  int NOT NULL DEFAULT 0 CHECK (gigabytes_requested >= 0),
    contact_name         text,
    contact_phone        text,
    contact_email        text,
    -- a connectivity site only: the installation's bandwidth, its cost (whole dirhams) and its roll-out phase
    bandwidth_mbps       int CHECK (bandwidth_mbps > 0),
    installation_cost    bigint CHECK (installation_cost >= 0),
    phase                int CHECK (phase > 0),
    created_at           timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind = 'CONNECTIVITY_SITE') = (bandwidth_mbps IS NOT NULL AND installation_cost IS NOT NULL AND phase IS NOT NULL))
);

CREATE INDEX beneficiary_region ON beneficiary (region_code);

-- A partner organisation that receives tablets and hands them to beneficiaries in its regions.
CREATE TABLE distributor (
    id          bigserial PRIMARY KEY,
    code        text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    contact     text,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE distributor_region (
    distributor_id  bigint NOT NULL REFERENCES distributor (id) ON DELETE CASCADE,
    region_code     text NOT NULL REFERENCES region (code),
    PRIMARY KEY (distributor_id, region_code)
);

-- A beneficiary's request to one campaign. The row is what was asked; it never changes. Its progress is the
-- append-only request_event below.
CREATE TABLE request (
    id              bigserial PRIMARY KEY,
    campaign_id     bigint NOT NULL REFERENCES campaign (id),
    beneficiary_id  bigint NOT NULL REFERENCES beneficiary (id),
    purpose         text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 2000),
    people          int NOT NULL CHECK (people > 0),
    place           text NOT NULL CHECK (length(place) BETWEEN 1 AND 200),
    tablets         int NOT NULL CHECK (tablets > 0),
    gigabytes       int NOT NULL CHECK (gigabytes >= 0),
    submitted_at    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX request_campaign ON request (campaign_id);

-- Every step of a request. SUBMITTED, then a review (APPROVED, PARTLY_APPROVED, DECLINED; a later review of the same
-- request is a correction and names the event it corrects), ALLOCATED, DELIVERED, USAGE_REPORTED.
CREATE TABLE request_event (
    id                  bigserial PRIMARY KEY,
    request_id          bigint NOT NULL REFERENCES request (id),
    kind                text NOT NULL CHECK (kind IN ('SUBMITTED', 'APPROVED', 'PARTLY_APPROVED', 'DECLINED',
                                                      'ALLOCATED', 'DELIVERED', 'USAGE_REPORTED')),
    approved_tablets    int CHECK (approved_tablets >= 0),
    approved_gigabytes  int CHECK (approved_gigabytes >= 0),
    bundles             int CHECK (bundles > 0),
    reason              text,
    report              jsonb,
    corrects            bigint REFERENCES request_event (id),
    actor               text NOT NULL,
    at                  timestamptz NOT NULL DEFAULT now(),
    CHECK (kind NOT IN ('APPROVED', 'PARTLY_APPROVED', 'DECLINED') OR (reason IS NOT NULL AND length(reason) > 0)),
    CHECK (kind NOT IN ('APPROVED', 'PARTLY_APPROVED') OR (approved_tablets > 0 AND approved_gigabytes IS NOT NULL))
);

CREATE INDEX request_event_request ON request_event (request_id, id);

-- The bundle sizes a campaign hands out (one bundle per tablet).
CREATE TABLE bundle_size (
    campaign_id  bigint NOT NULL REFERENCES campaign (id),
    megabytes    int NOT NULL CHECK (megabytes > 0),
    PRIMARY KEY (campaign_id, megabytes)
);

-- One row per campaign: what has been allocated. Commits lock it, so allocated never passes donated (invariant 4).
CREATE TABLE pool (
    campaign_id          bigint PRIMARY KEY REFERENCES campaign (id),
    allocated_megabytes  bigint NOT NULL DEFAULT 0 CHECK (allocated_megabytes >= 0)
);

-- A committed share of a plan: bundles of the pool reserved for one request.
CREATE TABLE allocation (
    id                bigserial PRIMARY KEY,
    campaign_id       bigint NOT NULL REFERENCES campaign (id),
    request_id        bigint NOT NULL REFERENCES request (id),
    beneficiary_id    bigint NOT NULL REFERENCES beneficiary (id),
    bundle_megabytes  int NOT NULL CHECK (bundle_megabytes > 0),
    bundles           int NOT NULL CHECK (bundles > 0),
    megabytes         bigint NOT NULL CHECK (megabytes = bundle_megabytes::bigint * bundles),
    plan              text NOT NULL,
    actor             text NOT NULL,
    committed_at      timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX allocation_campaign ON allocation (campaign_id);
CREATE INDEX allocation_request ON allocation (request_id);

-- One data bundle of an allocation; at most one tablet carries it (tablet.bundle_id is unique: invariant 5).
CREATE TABLE bundle (
    id              bigserial PRIMARY KEY,
    allocation_id   bigint NOT NULL REFERENCES allocation (id),
    campaign_id     bigint NOT NULL REFERENCES campaign (id),
    beneficiary_id  bigint NOT NULL REFERENCES beneficiary (id),
    megabytes       int NOT NULL CHECK (megabytes > 0)
);

CREATE INDEX bundle_allocation ON bundle (allocation_id);

CREATE TABLE tablet (
    id              bigserial PRIMARY KEY,
    serial          text NOT NULL UNIQUE CHECK (serial ~ '^[A-Za-z0-9][A-Za-z0-9-]{2,39}$'),
    imei            text NOT NULL UNIQUE CHECK (imei ~ '^[0-9]{15}$'),
    model           text NOT NULL CHECK (length(model) BETWEEN 1 AND 100),
    status          text NOT NULL DEFAULT 'IN_STOCK'
                    CHECK (status IN ('IN_STOCK', 'PRELOADED', 'SHIPPED', 'ASSIGNED', 'DELIVERED', 'RETURNED', 'LOST')),
    bundle_id       bigint UNIQUE REFERENCES bundle (id),
    distributor_id  bigint REFERENCES distributor (id),
    beneficiary_id  bigint REFERENCES beneficiary (id),
    delivered_on    date,
    recipient       text,
    note            text,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (status NOT IN ('PRELOADED', 'SHIPPED', 'ASSIGNED', 'DELIVERED') OR bundle_id IS NOT NULL),
    CHECK (status NOT IN ('SHIPPED', 'ASSIGNED', 'DELIVERED') OR distributor_id IS NOT NULL),
    CHECK (status NOT IN ('ASSIGNED', 'DELIVERED') OR beneficiary_id IS NOT NULL),
    CHECK (status <> 'DELIVERED' OR (delivered_on IS NOT NULL AND recipient IS NOT NULL))
);

CREATE INDEX tablet_distributor ON tablet (distributor_id, status);
CREATE INDEX tablet_status ON tablet (status);

-- Every transition of a tablet: who, when, from, to, and what it was bound to.
CREATE TABLE tablet_event (
    id              bigserial PRIMARY KEY,
    tablet_id       bigint NOT NULL REFERENCES tablet (id),
    from_status     text,
    to_status       text NOT NULL,
    bundle_id       bigint,
    distributor_id  bigint,
    beneficiary_id  bigint,
    detail          text,
    actor           text NOT NULL,
    at              timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX tablet_event_tablet ON tablet_event (tablet_id, id);

-- The audit trail stays whole: events and allocations are appended, never edited or removed. A correction is a new
-- event. (TRUNCATE stays possible for test clean-up: it is not a row-level statement.)
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END $$;

CREATE TRIGGER request_is_final BEFORE UPDATE OR DELETE ON request FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER request_event_is_final BEFORE UPDATE OR DELETE ON request_event FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER tablet_event_is_final BEFORE UPDATE OR DELETE ON tablet_event FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER allocation_is_final BEFORE UPDATE OR DELETE ON allocation FOR EACH ROW EXECUTE FUNCTION refuse_change();
