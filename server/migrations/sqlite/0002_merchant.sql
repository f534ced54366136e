-- KPAY card-to-card: shops, the cards that receive money, payment transactions, and every bank
-- notification received. Amounts are whole Rials.
CREATE TABLE shops (
    id             TEXT PRIMARY KEY NOT NULL,
    user_id        TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name           TEXT NOT NULL,
    website        TEXT,
    phone          TEXT,
    api_key_hash   TEXT NOT NULL UNIQUE,
    api_key_prefix TEXT NOT NULL,
    is_active      INTEGER NOT NULL DEFAULT 1,
    created_at     INTEGER NOT NULL
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
    created_at  INTEGER NOT NULL
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
    amount        INTEGER NOT NULL,
    fee           INTEGER NOT NULL,
    fee_side      TEXT NOT NULL,
    final_amount  INTEGER NOT NULL,
    status        TEXT NOT NULL,
    description   TEXT,
    factor_number TEXT,
    callback_url  TEXT NOT NULL,
    payment_url   TEXT NOT NULL,
    created_at    INTEGER NOT NULL,
    expires_at    INTEGER NOT NULL,
    paid_at       INTEGER,
    verified_at   INTEGER
);
-- Two pending payments to one card never ask for the same sum: the bank's notification
-- (card + amount) must point at exactly one of them.
CREATE UNIQUE INDEX transactions_pending_sum ON transactions(card_number, final_amount) WHERE status = 'pending';
CREATE UNIQUE INDEX transactions_shop_factor ON transactions(shop_id, factor_number) WHERE factor_number IS NOT NULL;
CREATE INDEX transactions_user_created ON transactions(user_id, created_at);
CREATE INDEX transactions_status_expiry ON transactions(status, expires_at);

CREATE TABLE card_transfers (
    id             TEXT PRIMARY KEY NOT NULL,
    card_number    TEXT NOT NULL,
    amount         INTEGER NOT NULL,
    outcome        TEXT NOT NULL,
    transaction_id TEXT REFERENCES transactions(id),
    received_at    INTEGER NOT NULL
);
