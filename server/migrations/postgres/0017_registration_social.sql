-- Accounts registered with an email only, or made by a social sign-in, have no mobile number
-- (and the latter no password until one is set).
ALTER TABLE users ALTER COLUMN mobile DROP NOT NULL;
ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL;

-- "Register user." then "Set user password to finish registration." (see the SQLite migration).
CREATE TABLE registrations (
    id          TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL,
    email       TEXT,
    mobile      TEXT,
    code_hash   TEXT NOT NULL,
    expires_at  BIGINT NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    finished_at BIGINT,
    created_at  BIGINT NOT NULL
);
CREATE INDEX registrations_email ON registrations(email);
CREATE INDEX registrations_mobile ON registrations(mobile);

CREATE TABLE social_identities (
    issuer     TEXT NOT NULL,
    subject    TEXT NOT NULL,
    user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    email      TEXT,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (issuer, subject)
);

CREATE TABLE social_nonces (
    nonce_hash TEXT PRIMARY KEY NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at    BIGINT
);
