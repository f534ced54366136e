-- KttiPay group wallets. Amounts are minor units of the kitty's currency.
CREATE TABLE ktties (
    id             TEXT PRIMARY KEY NOT NULL,
    name           TEXT NOT NULL,
    description    TEXT,
    currency       TEXT NOT NULL,
    goal_amount    INTEGER,
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
    created_at     INTEGER NOT NULL
);
-- One personal kitty per user.
CREATE UNIQUE INDEX ktties_personal ON ktties(owner_id) WHERE is_personal = 1;

CREATE TABLE ktti_members (
    ktti_id         TEXT NOT NULL REFERENCES ktties(id) ON DELETE CASCADE,
    user_id         TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role            TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'active',
    admin_requested INTEGER NOT NULL DEFAULT 0,
    -- The member's value in the kitty's default split; NULL takes no part.
    split_value     INTEGER,
    joined_at       INTEGER NOT NULL,
    PRIMARY KEY (ktti_id, user_id)
);
CREATE INDEX ktti_members_user ON ktti_members(user_id, status);

CREATE TABLE ktti_invitations (
    id          TEXT PRIMARY KEY NOT NULL,
    ktti_id     TEXT NOT NULL REFERENCES ktties(id) ON DELETE CASCADE,
    contact     TEXT NOT NULL,
    invited_by  TEXT NOT NULL REFERENCES users(id),
    status      TEXT NOT NULL DEFAULT 'pending',
    created_at  INTEGER NOT NULL
);
CREATE UNIQUE INDEX ktti_invitations_pending ON ktti_invitations(ktti_id, contact) WHERE status = 'pending';
CREATE INDEX ktti_invitations_contact ON ktti_invitations(contact, status);

CREATE TABLE ktti_transactions (
    id           TEXT PRIMARY KEY NOT NULL,
    ktti_id      TEXT NOT NULL REFERENCES ktties(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL,
    amount       INTEGER NOT NULL CHECK (amount > 0),
    description  TEXT NOT NULL,
    assignee_id  TEXT REFERENCES users(id),
    note         TEXT,
    category     TEXT,
    split_mode   TEXT,
    custom_split INTEGER NOT NULL DEFAULT 0,
    created_at   INTEGER NOT NULL
);
CREATE INDEX ktti_transactions_ktti ON ktti_transactions(ktti_id, created_at);

-- Each member's part of an expense (positive) or refund (negative), and the rule's value for them.
CREATE TABLE ktti_splits (
    transaction_id TEXT NOT NULL REFERENCES ktti_transactions(id) ON DELETE CASCADE,
    user_id        TEXT NOT NULL REFERENCES users(id),
    value          INTEGER NOT NULL,
    share          INTEGER NOT NULL,
    PRIMARY KEY (transaction_id, user_id)
);
CREATE INDEX ktti_splits_user ON ktti_splits(user_id);
