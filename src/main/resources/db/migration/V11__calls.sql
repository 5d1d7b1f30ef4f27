-- Calls for projects: a manager opens one call per campaign, associations, schools and village committees apply from
-- a public page, managers review. An application is where it stands; application_event is every step, append-only.

-- A connectivity site may now exist before its installation (an accepted application, a survey): its bandwidth, cost
-- and phase come with the installation, so a site has all three or none yet; other kinds never have them.
ALTER TABLE beneficiary DROP CONSTRAINT IF EXISTS beneficiary_check;
ALTER TABLE beneficiary ADD CONSTRAINT beneficiary_site_facts CHECK (
    (bandwidth_mbps IS NULL AND installation_cost IS NULL AND phase IS NULL)
    OR (kind = 'CONNECTIVITY_SITE' AND bandwidth_mbps IS NOT NULL AND installation_cost IS NOT NULL AND phase IS NOT NULL));

CREATE TABLE project_call (
    id           bigserial PRIMARY KEY,
    campaign_id  bigint NOT NULL UNIQUE REFERENCES campaign (id),
    title        text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    -- who may apply: beneficiary kinds, region codes (empty: every region), a minimum of people served
    kinds        text[] NOT NULL CHECK (cardinality(kinds) > 0),
    regions      text[] NOT NULL,
    min_people   int NOT NULL CHECK (min_people >= 1),
    questions    jsonb NOT NULL,
    deadline     timestamptz NOT NULL,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    updated_by   text NOT NULL
);

CREATE TABLE application (
    id                bigserial PRIMARY KEY,
    reference         text NOT NULL UNIQUE,
    call_id           bigint NOT NULL REFERENCES project_call (id),
    -- the organisation as applicants write it, and as compared: duplicates are the same organisation or the same
    -- phone in one call, whatever the spelling
    organisation      text NOT NULL CHECK (length(organisation) BETWEEN 1 AND 200),
    organisation_key  text NOT NULL,
    phone_key         text NOT NULL,
    kind              text NOT NULL CHECK (kind IN ('ASSOCIATION', 'SCHOOL', 'CONNECTIVITY_SITE')),
    region_code       text NOT NULL REFERENCES region (code),
    province          text NOT NULL CHECK (length(province) BETWEEN 1 AND 100),
    people_served     int NOT NULL CHECK (people_served > 0),
    purpose           text NOT NULL,
    tablets           int NOT NULL CHECK (tablets >= 0),
    gigabytes         int NOT NULL CHECK (gigabytes >= 0),
    contact_name      text NOT NULL,
    contact_phone     text NOT NULL,
    contact_email     text,
    answers           jsonb NOT NULL,
    -- a village site's own survey facts, as the committee knows them
    grid_power        boolean,
    site_facts        text,
    status            text NOT NULL CHECK (status IN ('SUBMITTED', 'MORE_ASKED', 'ACCEPTED', 'DECLINED')),
    beneficiary_id    bigint REFERENCES beneficiary (id),
    request_id        bigint REFERENCES request (id),
    submitted_at      timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    CHECK ((status = 'ACCEPTED') = (beneficiary_id IS NOT NULL)),
    CHECK (tablets > 0 OR gigabytes > 0),
    UNIQUE (call_id, organisation_key),
    UNIQUE (call_id, phone_key)
);

CREATE INDEX application_call_status ON application (call_id, status);
CREATE INDEX application_open_organisation ON application (organisation_key) WHERE status IN ('SUBMITTED', 'MORE_ASKED');

CREATE TABLE application_event (
    id              bigserial PRIMARY KEY,
    application_id  bigint NOT NULL REFERENCES application (id),
    status          text NOT NULL,
    -- what the manager asks or why they declined (the applicant sees it), or the applicant's reply
    message         text,
    actor           text NOT NULL,
    at              timestamptz NOT NULL
);

CREATE INDEX application_event_application ON application_event (application_id, id);

CREATE TRIGGER application_event_is_final BEFORE UPDATE OR DELETE ON application_event
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
