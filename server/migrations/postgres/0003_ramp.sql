-- Kotani Pay's fiat ramp: partners' client-login credentials, wallet transactions (the wallet's
-- balance is derived from them, never stored), quotes, the M-Pesa simulator's handsets, and the
-- delivery outbox for callbacks.
CREATE TABLE kotani_partners (
    user_id       TEXT PRIMARY KEY NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    seq           BIGINT NOT NULL UNIQUE,
    phone_number  TEXT NOT NULL,
    country       TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL,
    UNIQUE (phone_number, country)
);

CREATE TABLE ramp_transactions (
    id                  TEXT PRIMARY KEY NOT NULL,
    seq                 BIGINT NOT NULL UNIQUE,
    user_id             TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind                TEXT NOT NULL,
    status              TEXT NOT NULL,
    amount              BIGINT NOT NULL,
    fee                 BIGINT NOT NULL,
    currency            TEXT NOT NULL,
    phone_number        TEXT,
    service_provider_id TEXT,
    account_number      TEXT,
    account_name        TEXT,
    merchant_number     TEXT,
    merchant_till       TEXT,
    external_id         TEXT,
    callback            TEXT,
    quote_id            TEXT,
    result_code         BIGINT,
    result_description  TEXT,
    receipt             TEXT,
    conversation_id     TEXT NOT NULL,
    resolves_at         BIGINT NOT NULL,
    created_at          BIGINT NOT NULL,
    updated_at          BIGINT NOT NULL,
    UNIQUE (user_id, external_id)
);
CREATE INDEX ramp_transactions_user ON ramp_transactions(user_id, seq);
CREATE INDEX ramp_transactions_due ON ramp_transactions(status, resolves_at);

CREATE TABLE ramp_quotes (
    id              TEXT PRIMARY KEY NOT NULL,
    user_id         TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    direction       TEXT NOT NULL,
    status          TEXT NOT NULL,
    currency        TEXT NOT NULL,
    crypto_type     TEXT NOT NULL,
    fiat_amount     BIGINT NOT NULL,
    crypto_amount   TEXT NOT NULL,
    rate            TEXT NOT NULL,
    fee             BIGINT NOT NULL,
    amount_received TEXT NOT NULL,
    expires_at      BIGINT NOT NULL,
    created_at      BIGINT NOT NULL
);
CREATE INDEX ramp_quotes_due ON ramp_quotes(status, expires_at);

CREATE TABLE mpesa_handsets (
    phone_number TEXT PRIMARY KEY NOT NULL,
    balance      BIGINT NOT NULL,
    currency     TEXT NOT NULL
);

CREATE TABLE mpesa_messages (
    id           TEXT PRIMARY KEY NOT NULL,
    seq          BIGINT NOT NULL UNIQUE,
    phone_number TEXT NOT NULL,
    body         TEXT NOT NULL,
    created_at   BIGINT NOT NULL
);
CREATE INDEX mpesa_messages_phone ON mpesa_messages(phone_number, seq);

-- Every POST to a customer's URL: tried with backoff until delivered or out of tries.
CREATE TABLE deliveries (
    id              TEXT PRIMARY KEY NOT NULL,
    seq             BIGINT NOT NULL UNIQUE,
    user_id         TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    url             TEXT NOT NULL,
    event           TEXT NOT NULL,
    payload         TEXT NOT NULL,
    attempts        BIGINT NOT NULL,
    delivered       INTEGER NOT NULL,
    last_status     BIGINT,
    last_error      TEXT,
    next_attempt_at BIGINT,
    created_at      BIGINT NOT NULL
);
CREATE INDEX deliveries_due ON deliveries(delivered, next_attempt_at);
CREATE INDEX deliveries_user ON deliveries(user_id, seq);
