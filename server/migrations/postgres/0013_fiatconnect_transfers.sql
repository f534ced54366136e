-- Idempotency keys (the shared layer): the first answer to a key, replayed for the same body.
CREATE TABLE idempotency_keys (
    scope        TEXT NOT NULL,
    key          TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status       BIGINT NOT NULL,
    response     TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    PRIMARY KEY (scope, key)
);

-- Fiat Connect transfers: a quote carried out to a fiat account.
CREATE TABLE fiatconnect_transfers (
    id               TEXT PRIMARY KEY NOT NULL,
    seq              BIGINT NOT NULL UNIQUE,
    address          TEXT NOT NULL,
    transfer_type    TEXT NOT NULL,
    quote_id         TEXT NOT NULL UNIQUE REFERENCES fiatconnect_quotes(id),
    fiat_account_id  TEXT NOT NULL,
    status           TEXT NOT NULL,
    fiat_type        TEXT NOT NULL,
    crypto_type      TEXT NOT NULL,
    fiat_amount      TEXT NOT NULL,
    crypto_amount    TEXT NOT NULL,
    transfer_address TEXT NOT NULL UNIQUE,
    phone_number     TEXT,
    tx_hash          TEXT,
    pays_at          BIGINT,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL
);
CREATE INDEX fiatconnect_transfers_due ON fiatconnect_transfers(status, pays_at);
