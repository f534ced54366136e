-- Billing: each kitty's plan (no row: Free) and its history of plan changes and fees.
CREATE TABLE ktti_billing (
    ktti_id   TEXT PRIMARY KEY NOT NULL REFERENCES ktties(id) ON DELETE CASCADE,
    plan      TEXT NOT NULL,
    -- On a paid plan: when the next fee is due.
    renews_at INTEGER
);
CREATE INDEX ktti_billing_due ON ktti_billing (renews_at);

CREATE TABLE ktti_billing_events (
    id             TEXT PRIMARY KEY NOT NULL,
    ktti_id        TEXT NOT NULL REFERENCES ktties(id) ON DELETE CASCADE,
    kind           TEXT NOT NULL,
    plan           TEXT NOT NULL,
    amount         INTEGER NOT NULL,
    transaction_id TEXT REFERENCES ktti_transactions(id),
    by_user        TEXT REFERENCES users(id),
    at             INTEGER NOT NULL
);
CREATE INDEX ktti_billing_events_by_kitty ON ktti_billing_events (ktti_id, at);
