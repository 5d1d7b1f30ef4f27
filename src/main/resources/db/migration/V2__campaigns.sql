CREATE TABLE campaign (
    id                       bigserial PRIMARY KEY,
    slug                     text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name_ar                  text NOT NULL,
    name_fr                  text NOT NULL,
    name_en                  text NOT NULL,
    status                   text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'LIVE', 'PAUSED', 'CLOSED')),
    opens_at                 timestamptz NOT NULL,
    closes_at                timestamptz NOT NULL,
    megabytes_per_click      int NOT NULL CHECK (megabytes_per_click > 0),
    session_seconds          int NOT NULL CHECK (session_seconds BETWEEN 1 AND 120),
    max_clicks_per_session   int NOT NULL CHECK (max_clicks_per_session > 0),
    goal_gigabytes           bigint NOT NULL CHECK (goal_gigabytes > 0),
    megabytes_per_gigabyte   int NOT NULL CHECK (megabytes_per_gigabyte IN (1000, 1024)),
    created_at               timestamptz NOT NULL DEFAULT now(),
    updated_at               timestamptz NOT NULL DEFAULT now(),
    CHECK (closes_at > opens_at)
);
