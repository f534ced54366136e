-- Every email and SMS the server "sends". In sandbox mode this table is the post office: the app
-- shows it, so a person can read their link or code.
CREATE TABLE outbox (
    id         TEXT PRIMARY KEY NOT NULL,
    channel    TEXT NOT NULL,
    recipient  TEXT NOT NULL,
    subject    TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX outbox_recipient ON outbox(recipient, created_at);

-- Password reset links: only the token's hash is kept; each works once, for 30 minutes.
CREATE TABLE password_resets (
    token_hash TEXT PRIMARY KEY NOT NULL,
    user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER,
    created_at INTEGER NOT NULL
);
CREATE INDEX password_resets_user ON password_resets(user_id);
