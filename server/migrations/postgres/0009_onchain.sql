-- Kotani's custodial side: users a partner creates by phone number with an address on each ramp
-- chain, stablecoin cash-outs through the escrow (a transaction hash funds one payout), cash-ins
-- to TRON, and UBI beneficiaries and claims. The sandbox chain learns the ramp networks and who
-- sent a transfer (custodial wallets send too).
INSERT INTO chain_blocks (network, height, mined_at) VALUES
    ('celo', 1, 0), ('arbitrum', 1, 0), ('avalanche', 1, 0), ('stellar', 1, 0);
ALTER TABLE chain_transfers ADD COLUMN from_address TEXT;
CREATE INDEX chain_transfers_to ON chain_transfers(network, to_address);
CREATE INDEX chain_transfers_from ON chain_transfers(network, from_address);

CREATE TABLE kotani_users (
    id           TEXT PRIMARY KEY NOT NULL,
    seq          BIGINT NOT NULL UNIQUE,
    partner_id   TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    phone_number TEXT NOT NULL,
    firstname    TEXT,
    lastname     TEXT,
    email        TEXT,
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL,
    UNIQUE (partner_id, phone_number)
);

CREATE TABLE kotani_user_addresses (
    user_id TEXT NOT NULL REFERENCES kotani_users(id) ON DELETE CASCADE,
    network TEXT NOT NULL,
    address TEXT NOT NULL,
    PRIMARY KEY (user_id, network),
    UNIQUE (network, address)
);

CREATE TABLE onchain_cashouts (
    tx_hash       TEXT PRIMARY KEY NOT NULL REFERENCES chain_transfers(tx_hash),
    request_id    TEXT NOT NULL REFERENCES ramp_transactions(id),
    partner_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token         TEXT NOT NULL,
    crypto_amount TEXT NOT NULL,
    rate          TEXT NOT NULL,
    created_at    BIGINT NOT NULL
);

CREATE TABLE onchain_cashins (
    request_id  TEXT PRIMARY KEY NOT NULL REFERENCES ramp_transactions(id),
    address     TEXT NOT NULL,
    usdt_amount TEXT NOT NULL,
    tx_hash     TEXT
);

CREATE TABLE ubi_beneficiaries (
    partner_id   TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    program_id   TEXT NOT NULL,
    phone_number TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    PRIMARY KEY (partner_id, program_id, phone_number)
);

CREATE TABLE ubi_claims (
    partner_id   TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    program_id   TEXT NOT NULL,
    phone_number TEXT NOT NULL,
    disbursement TEXT NOT NULL,
    tx_hash      TEXT NOT NULL,
    amount       TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    PRIMARY KEY (partner_id, program_id, phone_number, disbursement)
);
