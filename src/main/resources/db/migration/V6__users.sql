-- People who sign in: admins (users), managers (campaigns, allocation), distributors (bound to one organisation).
-- Passwords are bcrypt hashes in Modular Crypt Format; nobody's password is stored or logged in clear.
CREATE TABLE app_user (
    id              bigserial PRIMARY KEY,
    username        text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,39}$'),
    password        text NOT NULL CHECK (password LIKE '$2%'),
    role            text NOT NULL CHECK (role IN ('admin', 'manager', 'distributor')),
    distributor_id  bigint REFERENCES distributor (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK ((role = 'distributor') = (distributor_id IS NOT NULL))
);
