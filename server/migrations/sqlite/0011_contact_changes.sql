-- A change of email or mobile waits here until the code sent to the new address confirms it.
CREATE TABLE contact_changes (
    user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    field      TEXT NOT NULL,
    value      TEXT NOT NULL,
    code_hash  TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    attempts   BIGINT NOT NULL,
    PRIMARY KEY (user_id, field)
);
