-- Kitty life: the group chat with each member's read marker, and physical card orders.
CREATE TABLE ktti_chat (
    id         TEXT PRIMARY KEY NOT NULL,
    ktti_id    TEXT NOT NULL REFERENCES ktties(id) ON DELETE CASCADE,
    seq        BIGINT NOT NULL,
    author_id  TEXT NOT NULL REFERENCES users(id),
    text       TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (ktti_id, seq)
);

CREATE TABLE ktti_chat_reads (
    ktti_id TEXT NOT NULL REFERENCES ktties(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    seq     BIGINT NOT NULL,
    PRIMARY KEY (ktti_id, user_id)
);

CREATE TABLE ktti_card_orders (
    ktti_id    TEXT PRIMARY KEY NOT NULL REFERENCES ktties(id) ON DELETE CASCADE,
    line1      TEXT NOT NULL,
    line2      TEXT,
    suburb     TEXT NOT NULL,
    state      TEXT NOT NULL,
    postcode   TEXT NOT NULL,
    status     TEXT NOT NULL,
    ordered_at BIGINT NOT NULL
);
