-- Bundles on devices of every kind: a connectivity site's router carries a SIM of its own (a device with its ICCID and
-- number), and a site receives a bundle every month from a campaign's pool on a plan, each month a site_bundle of its
-- own, counted in the pool's allocated megabytes under the same lock as the tablets' allocations: allocated never
-- passes donated, whatever the mix.

CREATE TABLE device (
    id              bigserial PRIMARY KEY,
    beneficiary_id  bigint NOT NULL REFERENCES beneficiary (id),
    kind            text NOT NULL CHECK (kind IN ('ROUTER_SIM')),
    -- the SIM's ICCID (89 + 17 or 18 digits, its Luhn check digit included) and its phone number
    iccid           text NOT NULL UNIQUE CHECK (iccid ~ '^89[0-9]{17,18}$'),
    msisdn          text NOT NULL UNIQUE CHECK (msisdn ~ '^\+?[0-9]{9,15}$'),
    label           text CHECK (length(label) <= 200),
    added_at        timestamptz NOT NULL,
    added_by        text NOT NULL
);

CREATE INDEX device_beneficiary ON device (beneficiary_id);

-- A site's monthly bundles from one campaign: how much each month, to which device, from which month, how many months.
CREATE TABLE site_plan (
    id                 bigserial PRIMARY KEY,
    campaign_id        bigint NOT NULL REFERENCES campaign (id),
    beneficiary_id     bigint NOT NULL REFERENCES beneficiary (id),
    device_id          bigint NOT NULL REFERENCES device (id),
    monthly_megabytes  int NOT NULL CHECK (monthly_megabytes > 0),
    first_month        date NOT NULL CHECK (extract(day FROM first_month) = 1),
    months             int NOT NULL CHECK (months BETWEEN 1 AND 36),
    created_at         timestamptz NOT NULL,
    created_by         text NOT NULL,
    UNIQUE (campaign_id, beneficiary_id)
);

-- One month's bundle of a plan, issued to the device: valid from the first to the last day of its month. Append-only;
-- one per plan and month, so issuing again (a second instance, a retried run) adds nothing.
CREATE TABLE site_bundle (
    id              bigserial PRIMARY KEY,
    plan_id         bigint NOT NULL REFERENCES site_plan (id),
    campaign_id     bigint NOT NULL REFERENCES campaign (id),
    beneficiary_id  bigint NOT NULL REFERENCES beneficiary (id),
    device_id       bigint NOT NULL REFERENCES device (id),
    month           date NOT NULL CHECK (extract(day FROM month) = 1),
    megabytes       int NOT NULL CHECK (megabytes > 0),
    activates_on    date NOT NULL,
    expires_on      date NOT NULL CHECK (expires_on >= activates_on),
    actor           text NOT NULL,
    committed_at    timestamptz NOT NULL,
    UNIQUE (plan_id, month)
);

CREATE INDEX site_bundle_campaign ON site_bundle (campaign_id);

CREATE TRIGGER site_bundle_is_final BEFORE UPDATE OR DELETE ON site_bundle FOR EACH ROW EXECUTE FUNCTION refuse_change();
