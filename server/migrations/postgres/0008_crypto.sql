-- Crypto payments (KPAY's crypto gateway), the sandbox chain they arrive on, Binance-style
-- orders (Kotani), and Standard Webhooks signing secrets. Amounts are decimal text, exact to
-- each asset's decimals; the server computes with rust_decimal.
ALTER TABLE shops ADD COLUMN webhook_secret TEXT;
ALTER TABLE deliveries ADD COLUMN secret TEXT;

CREATE TABLE chain_blocks (
    network  TEXT PRIMARY KEY NOT NULL,
    height   BIGINT NOT NULL,
    mined_at BIGINT NOT NULL
);
INSERT INTO chain_blocks (network, height, mined_at) VALUES
    ('bitcoin', 1, 0), ('ethereum', 1, 0), ('tron', 1, 0), ('ripple', 1, 0);

CREATE TABLE chain_transfers (
    tx_hash      TEXT PRIMARY KEY NOT NULL,
    seq          BIGINT NOT NULL UNIQUE,
    network      TEXT NOT NULL,
    currency     TEXT NOT NULL,
    to_address   TEXT NOT NULL,
    memo         TEXT,
    amount       TEXT NOT NULL,
    block_height BIGINT,
    created_at   BIGINT NOT NULL
);
CREATE INDEX chain_transfers_block ON chain_transfers(network, block_height);

CREATE TABLE crypto_payments (
    id               TEXT PRIMARY KEY NOT NULL,
    seq              BIGINT NOT NULL UNIQUE,
    user_id          TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    shop_id          TEXT NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
    order_id         TEXT NOT NULL,
    currency         TEXT NOT NULL,
    network          TEXT NOT NULL,
    requested_amount TEXT NOT NULL,
    amount_usd       TEXT,
    rate_usd         TEXT NOT NULL,
    deposit_address  TEXT NOT NULL,
    memo             TEXT,
    status           TEXT NOT NULL,
    callback_success TEXT,
    callback_failed  TEXT,
    webhook_url      TEXT,
    created_at       BIGINT NOT NULL,
    expires_at       BIGINT NOT NULL,
    paid_at          BIGINT,
    UNIQUE (user_id, order_id)
);
CREATE UNIQUE INDEX crypto_payments_address ON crypto_payments(network, deposit_address, COALESCE(memo, ''));
CREATE INDEX crypto_payments_open ON crypto_payments(status, expires_at);

CREATE TABLE crypto_receipts (
    tx_hash    TEXT PRIMARY KEY NOT NULL REFERENCES chain_transfers(tx_hash),
    payment_id TEXT NOT NULL REFERENCES crypto_payments(id) ON DELETE CASCADE,
    amount     TEXT NOT NULL,
    late       BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX crypto_receipts_payment ON crypto_receipts(payment_id);

CREATE TABLE crypto_withdrawals (
    id                  TEXT PRIMARY KEY NOT NULL,
    seq                 BIGINT NOT NULL UNIQUE,
    user_id             TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    currency            TEXT NOT NULL,
    amount              TEXT NOT NULL,
    fee                 TEXT NOT NULL,
    net_amount          TEXT NOT NULL,
    destination_address TEXT NOT NULL,
    memo                TEXT,
    status              TEXT NOT NULL,
    tx_hash             TEXT NOT NULL REFERENCES chain_transfers(tx_hash),
    created_at          BIGINT NOT NULL,
    completed_at        BIGINT
);
CREATE INDEX crypto_withdrawals_user ON crypto_withdrawals(user_id, seq);

CREATE TABLE binance_orders (
    prepay_id    TEXT PRIMARY KEY NOT NULL,
    seq          BIGINT NOT NULL UNIQUE,
    user_id      TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    amount       BIGINT NOT NULL,
    currency     TEXT NOT NULL,
    goods_name   TEXT NOT NULL,
    goods_detail TEXT NOT NULL,
    return_url   TEXT NOT NULL,
    cancel_url   TEXT NOT NULL,
    status       TEXT NOT NULL,
    paid_amount  TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL,
    transact_at  BIGINT
);
CREATE INDEX binance_orders_open ON binance_orders(status, expires_at);
CREATE INDEX binance_orders_user ON binance_orders(user_id, seq);
