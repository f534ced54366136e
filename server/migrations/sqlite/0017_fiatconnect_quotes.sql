-- Fiat Connect quotes: what a wallet was offered, guaranteed for a few minutes.
CREATE TABLE fiatconnect_quotes (
    id               TEXT PRIMARY KEY NOT NULL,
    address          TEXT NOT NULL,
    transfer_type    TEXT NOT NULL,
    fiat_type        TEXT NOT NULL,
    crypto_type      TEXT NOT NULL,
    fiat_amount      TEXT NOT NULL,
    crypto_amount    TEXT NOT NULL,
    guaranteed_until BIGINT NOT NULL,
    created_at       BIGINT NOT NULL
);
CREATE INDEX fiatconnect_quotes_address ON fiatconnect_quotes(address, created_at);
