-- A refund names the card payment it undoes, and mirrors that payment's split.
ALTER TABLE ktti_transactions ADD COLUMN refund_of TEXT REFERENCES ktti_transactions(id);
CREATE INDEX ktti_transactions_refund_of ON ktti_transactions(refund_of) WHERE refund_of IS NOT NULL;

-- One sign rule: a share is its effect on the member's balance, so a card payment's shares are
-- negative and a refund's positive (they used to be stored the other way round).
UPDATE ktti_splits SET share = -share;
