-- The whole schema on PostgreSQL, equal to SQLite's migrations 0001 to 0006 together. Times are
-- Unix seconds, money is BIGINT minor units, flags are INTEGER 0/1 (the same SQL reads them on
-- both backends), ids are UUIDs as text.

CREATE TABLE users (
    id            TEXT PRIMARY KEY NOT NULL,
    name          TEXT NOT NULL,
    mobile        TEXT NOT NULL UNIQUE,
    email         TEXT UNIQUE,
    password_hash TEXT NOT NULL,
    merchant_id   TEXT NOT NULL UNIQUE,
    created_at    BIGINT NOT NULL
);

CREATE TABLE sessions (
    id                 TEXT PRIMARY KEY NOT NULL,
    user_id            TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    access_hash        TEXT NOT NULL UNIQUE,
    access_expires_at  BIGINT NOT NULL,
    refresh_hash       TEXT NOT NULL UNIQUE,
    refresh_expires_at BIGINT NOT NULL,
    csrf_token         TEXT NOT NULL,
    created_at         BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE notifications (
    id         TEXT PRIMARY KEY NOT NULL,
    user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    title      TEXT NOT NULL,
    body       TEXT NOT NULL,
    read_at    BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX notifications_user_created ON notifications(user_id, created_at);

CREATE TABLE shops (
    id             TEXT PRIMARY KEY NOT NULL,
    user_id        TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name           TEXT NOT NULL,
    website        TEXT,
    phone          TEXT,
    api_key_hash   TEXT NOT NULL UNIQUE,
    api_key_prefix TEXT NOT NULL,
    is_active      INTEGER NOT NULL DEFAULT 1,
    created_at     BIGINT NOT NULL
);
CREATE INDEX shops_user ON shops(user_id, created_at);

CREATE TABLE cards (
    id          TEXT PRIMARY KEY NOT NULL,
    user_id     TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    card_number TEXT NOT NULL,
    owner_name  TEXT NOT NULL,
    bank_name   TEXT NOT NULL,
    shaba       TEXT,
    is_active   INTEGER NOT NULL DEFAULT 1,
    created_at  BIGINT NOT NULL
);
CREATE INDEX cards_user ON cards(user_id, created_at);
CREATE UNIQUE INDEX cards_user_number_active ON cards(user_id, card_number) WHERE is_active = 1;

CREATE TABLE transactions (
    id            TEXT PRIMARY KEY NOT NULL,
    authority     TEXT NOT NULL UNIQUE,
    user_id       TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    shop_id       TEXT NOT NULL REFERENCES shops(id),
    card_id       TEXT NOT NULL REFERENCES cards(id),
    card_number   TEXT NOT NULL,
    amount        BIGINT NOT NULL,
    fee           BIGINT NOT NULL,
    fee_side      TEXT NOT NULL,
    final_amount  BIGINT NOT NULL,
    status        TEXT NOT NULL,
    description   TEXT,
    factor_number TEXT,
    callback_url  TEXT NOT NULL,
    payment_url   TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    expires_at    BIGINT NOT NULL,
    paid_at       BIGINT,
    verified_at   BIGINT
);
CREATE UNIQUE INDEX transactions_pending_sum ON transactions(card_number, final_amount) WHERE status = 'pending';
CREATE UNIQUE INDEX transactions_shop_factor ON transactions(shop_id, factor_number) WHERE factor_number IS NOT NULL;
CREATE INDEX transactions_user_created ON transactions(user_id, created_at);
CREATE INDEX transactions_status_expiry ON transactions(status, expires_at);

CREATE TABLE card_transfers (
    id             TEXT PRIMARY KEY NOT NULL,
    card_number    TEXT NOT NULL,
    amount         BIGINT NOT NULL,
    outcome        TEXT NOT NULL,
    transaction_id TEXT REFERENCES transactions(id),
    received_at    BIGINT NOT NULL
);

CREATE TABLE ktties (
    id             TEXT PRIMARY KEY NOT NULL,
    name           TEXT NOT NULL,
    description    TEXT,
    currency       TEXT NOT NULL,
    goal_amount    BIGINT,
    owner_id       TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    is_personal    INTEGER NOT NULL DEFAULT 0,
    status         TEXT NOT NULL DEFAULT 'active',
    referral_code  TEXT NOT NULL UNIQUE,
    account_name   TEXT NOT NULL,
    bsb            TEXT NOT NULL,
    account_number TEXT NOT NULL UNIQUE,
    card_id        TEXT NOT NULL UNIQUE,
    card_last4     TEXT NOT NULL,
    split_mode     TEXT NOT NULL DEFAULT 'even',
    created_at     BIGINT NOT NULL
);
CREATE UNIQUE INDEX ktties_personal ON ktties(owner_id) WHERE is_personal = 1;

CREATE TABLE ktti_members (
    ktti_id         TEXT NOT NULL REFERENCES ktties(id) ON DELETE CASCADE,
    user_id         TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role            TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'active',
    admin_requested INTEGER NOT NULL DEFAULT 0,
    split_value     BIGINT,
    joined_at       BIGINT NOT NULL,
    seq             BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (ktti_id, user_id)
);
CREATE INDEX ktti_members_user ON ktti_members(user_id, status);
CREATE INDEX ktti_members_seq ON ktti_members(seq);

CREATE TABLE ktti_invitations (
    id          TEXT PRIMARY KEY NOT NULL,
    ktti_id     TEXT NOT NULL REFERENCES ktties(id) ON DELETE CASCADE,
    contact     TEXT NOT NULL,
    invited_by  TEXT NOT NULL REFERENCES users(id),
    status      TEXT NOT NULL DEFAULT 'pending',
    created_at  BIGINT NOT NULL
);
CREATE UNIQUE INDEX ktti_invitations_pending ON ktti_invitations(ktti_id, contact) WHERE status = 'pending';
CREATE INDEX ktti_invitations_contact ON ktti_invitations(contact, status);

CREATE TABLE ktti_transactions (
    id           TEXT PRIMARY KEY NOT NULL,
    ktti_id      TEXT NOT NULL REFERENCES ktties(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL,
    amount       BIGINT NOT NULL CHECK (amount > 0),
    description  TEXT NOT NULL,
    assignee_id  TEXT REFERENCES users(id),
    note         TEXT,
    category     TEXT,
    split_mode   TEXT,
    custom_split INTEGER NOT NULL DEFAULT 0,
    created_at   BIGINT NOT NULL,
    refund_of    TEXT REFERENCES ktti_transactions(id),
    seq          BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX ktti_transactions_ktti ON ktti_transactions(ktti_id, created_at);
CREATE INDEX ktti_transactions_refund_of ON ktti_transactions(refund_of) WHERE refund_of IS NOT NULL;
CREATE INDEX ktti_transactions_seq ON ktti_transactions(seq);

CREATE TABLE ktti_splits (
    transaction_id TEXT NOT NULL REFERENCES ktti_transactions(id) ON DELETE CASCADE,
    user_id        TEXT NOT NULL REFERENCES users(id),
    value          BIGINT NOT NULL,
    share          BIGINT NOT NULL,
    position       BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (transaction_id, user_id)
);
CREATE INDEX ktti_splits_user ON ktti_splits(user_id);

CREATE TABLE outbox (
    id         TEXT PRIMARY KEY NOT NULL,
    channel    TEXT NOT NULL,
    recipient  TEXT NOT NULL,
    subject    TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX outbox_recipient ON outbox(recipient, created_at);

CREATE TABLE password_resets (
    token_hash TEXT PRIMARY KEY NOT NULL,
    user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    expires_at BIGINT NOT NULL,
    used_at    BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX password_resets_user ON password_resets(user_id);
