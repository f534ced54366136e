-- Fiat Connect: sign-in with Ethereum (each SIWE nonce once), the wallet sessions it opens, and
-- the partner's API credentials with their webhook and its signing secret.
CREATE TABLE fiatconnect_nonces (
    nonce   TEXT PRIMARY KEY NOT NULL,
    address TEXT NOT NULL,
    used_at BIGINT NOT NULL
);

CREATE TABLE fiatconnect_sessions (
    token_hash TEXT PRIMARY KEY NOT NULL,
    address    TEXT NOT NULL,
    chain_id   BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);

CREATE TABLE fiatconnect_clients (
    user_id        TEXT PRIMARY KEY NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    api_key_hash   TEXT NOT NULL UNIQUE,
    webhook        TEXT NOT NULL,
    webhook_secret TEXT NOT NULL,
    created_at     BIGINT NOT NULL
);
