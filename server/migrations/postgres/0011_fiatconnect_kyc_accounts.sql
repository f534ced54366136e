-- A wallet's Fiat Connect KYC per schema: pending until the sandbox decides (the job runner), then
-- approved or denied. The data is kept as the wallet sent it.
CREATE TABLE fiatconnect_kyc (
    address    TEXT NOT NULL,
    schema     TEXT NOT NULL,
    status     TEXT NOT NULL,
    data       TEXT NOT NULL,
    decide_at  BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (address, schema)
);
CREATE INDEX fiatconnect_kyc_due ON fiatconnect_kyc(status, decide_at);

-- A wallet's fiat accounts (mobile money or bank).
CREATE TABLE fiatconnect_accounts (
    id               TEXT PRIMARY KEY NOT NULL,
    seq              BIGINT NOT NULL UNIQUE,
    address          TEXT NOT NULL,
    schema           TEXT NOT NULL,
    account_type     TEXT NOT NULL,
    account_name     TEXT NOT NULL,
    institution_name TEXT NOT NULL,
    data             TEXT NOT NULL,
    created_at       BIGINT NOT NULL
);
CREATE INDEX fiatconnect_accounts_address ON fiatconnect_accounts(address, seq);
