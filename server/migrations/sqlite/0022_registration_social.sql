-- Registration in two steps and social sign-in.
--
-- Accounts registered with an email only, or made by a social sign-in, have no mobile number
-- (and the latter no password until one is set). SQLite cannot drop NOT NULL in place, and sqlx
-- runs every SQLite migration inside a transaction, where foreign keys cannot be turned off for
-- the documented table rebuild; so `db::rebuild_users_nullable_contacts` rebuilds the users table
-- in Rust just before this migration runs (PostgreSQL's 0017 does it with ALTER COLUMN).

-- "Register user." then "Set user password to finish registration.": the pending first step,
-- with the hash of the code sent to its one contact. Finished rows stay (finished_at) so that a
-- second use of the code is told apart from an unknown registration.
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

-- An identity at a social provider (the ID token's iss and sub), linked to one account.
CREATE TABLE social_identities (
    issuer     TEXT NOT NULL,
    subject    TEXT NOT NULL,
    user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    email      TEXT,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (issuer, subject)
);

-- Nonces handed out for social sign-ins; each is accepted inside one ID token, once.
CREATE TABLE social_nonces (
    nonce_hash TEXT PRIMARY KEY NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at    BIGINT
);
