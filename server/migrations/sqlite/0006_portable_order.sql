-- Orders that used SQLite's hidden rowid get columns of their own, so the same SQL runs on
-- PostgreSQL: members in joining order, a split's shares in its rule's order, transactions in
-- the order they were recorded.
ALTER TABLE ktti_members ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
UPDATE ktti_members SET seq = rowid;
CREATE INDEX ktti_members_seq ON ktti_members(seq);

ALTER TABLE ktti_splits ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
UPDATE ktti_splits SET position = rowid;

ALTER TABLE ktti_transactions ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
UPDATE ktti_transactions SET seq = rowid;
CREATE INDEX ktti_transactions_seq ON ktti_transactions(seq);
