-- Validity and use: a delivered bundle is valid for a stated number of days from its activation (its tablet's
-- delivery), per campaign and, where a size differs, per bundle size; what a beneficiary reports it used is checked
-- against what it was delivered, and it may join a photo.

CREATE TABLE bundle_validity (
    campaign_id       bigint NOT NULL REFERENCES campaign (id),
    -- 0: every size without a validity of its own
    bundle_megabytes  int NOT NULL CHECK (bundle_megabytes >= 0),
    days              int NOT NULL CHECK (days BETWEEN 1 AND 3650),
    PRIMARY KEY (campaign_id, bundle_megabytes)
);

CREATE TABLE usage_photo (
    request_event_id  bigint PRIMARY KEY REFERENCES request_event (id),
    content_type      text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
    bytes             bytea NOT NULL,
    width             int NOT NULL CHECK (width > 0),
    height            int NOT NULL CHECK (height > 0)
);

CREATE TRIGGER usage_photo_is_final BEFORE UPDATE OR DELETE ON usage_photo FOR EACH ROW EXECUTE FUNCTION refuse_change();
