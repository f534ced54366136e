-- Photos: the HMAC key of pre-signed upload URLs (made once, shared by every server process),
-- each URL handed out (single use), the images stored, moments and receipts with line items.
CREATE TABLE server_keys (
    name   TEXT PRIMARY KEY NOT NULL,
    secret TEXT NOT NULL
);

CREATE TABLE image_uploads (
    id         TEXT PRIMARY KEY NOT NULL,
    user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    image_type TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER
);

CREATE TABLE images (
    id           TEXT PRIMARY KEY NOT NULL,
    owner_id     TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    image_type   TEXT NOT NULL,
    content_type TEXT NOT NULL,
    bytes        INTEGER NOT NULL,
    width        INTEGER NOT NULL,
    height       INTEGER NOT NULL,
    -- The kitty whose members may see it, once it belongs to a moment or a receipt there.
    ktti_id      TEXT REFERENCES ktties(id) ON DELETE CASCADE,
    created_at   INTEGER NOT NULL
);

CREATE TABLE ktti_moments (
    id         TEXT PRIMARY KEY NOT NULL,
    ktti_id    TEXT NOT NULL REFERENCES ktties(id) ON DELETE CASCADE,
    author_id  TEXT NOT NULL REFERENCES users(id),
    title      TEXT NOT NULL,
    note       TEXT,
    day        TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX ktti_moments_by_kitty ON ktti_moments (ktti_id, day);

CREATE TABLE ktti_moment_photos (
    moment_id TEXT NOT NULL REFERENCES ktti_moments(id) ON DELETE CASCADE,
    image_id  TEXT NOT NULL UNIQUE REFERENCES images(id),
    position  INTEGER NOT NULL,
    PRIMARY KEY (moment_id, position)
);

CREATE TABLE ktti_receipts (
    transaction_id TEXT PRIMARY KEY NOT NULL REFERENCES ktti_transactions(id) ON DELETE CASCADE,
    ktti_id        TEXT NOT NULL REFERENCES ktties(id) ON DELETE CASCADE,
    image_id       TEXT NOT NULL UNIQUE REFERENCES images(id),
    tax            INTEGER NOT NULL,
    tip            INTEGER NOT NULL,
    uploaded_by    TEXT NOT NULL REFERENCES users(id),
    created_at     INTEGER NOT NULL
);

CREATE TABLE ktti_receipt_items (
    id             TEXT PRIMARY KEY NOT NULL,
    transaction_id TEXT NOT NULL REFERENCES ktti_receipts(transaction_id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    description    TEXT NOT NULL,
    quantity       INTEGER NOT NULL,
    unit_price     INTEGER NOT NULL,
    total          INTEGER NOT NULL,
    -- The members who had it, a JSON array of user ids.
    assignees      TEXT NOT NULL
);
CREATE INDEX ktti_receipt_items_by_receipt ON ktti_receipt_items (transaction_id, position);
