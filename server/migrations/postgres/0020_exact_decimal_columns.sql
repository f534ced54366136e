-- Crypto amounts, rates and the decimal amounts of FiatConnect and the quotes were kept as text
-- (written and read through rust_decimal, never a float). On PostgreSQL they are now NUMERIC:
-- exact, and checked by the database. NUMERIC without a scale keeps the scale each value was
-- written with, so `0.10` reads back as `0.10`. The server writes them with CAST($n AS NUMERIC)
-- and reads them with CAST(column AS TEXT) (see `db::amounts`); SQLite keeps text.
ALTER TABLE chain_transfers ALTER COLUMN amount TYPE NUMERIC USING amount::numeric;
ALTER TABLE crypto_payments
    ALTER COLUMN requested_amount TYPE NUMERIC USING requested_amount::numeric,
    ALTER COLUMN amount_usd TYPE NUMERIC USING amount_usd::numeric,
    ALTER COLUMN rate_usd TYPE NUMERIC USING rate_usd::numeric;
ALTER TABLE crypto_receipts ALTER COLUMN amount TYPE NUMERIC USING amount::numeric;
ALTER TABLE crypto_withdrawals
    ALTER COLUMN amount TYPE NUMERIC USING amount::numeric,
    ALTER COLUMN fee TYPE NUMERIC USING fee::numeric,
    ALTER COLUMN net_amount TYPE NUMERIC USING net_amount::numeric;
ALTER TABLE binance_orders ALTER COLUMN paid_amount TYPE NUMERIC USING paid_amount::numeric;
ALTER TABLE onchain_cashouts
    ALTER COLUMN crypto_amount TYPE NUMERIC USING crypto_amount::numeric,
    ALTER COLUMN rate TYPE NUMERIC USING rate::numeric;
ALTER TABLE onchain_cashins ALTER COLUMN usdt_amount TYPE NUMERIC USING usdt_amount::numeric;
ALTER TABLE ubi_claims ALTER COLUMN amount TYPE NUMERIC USING amount::numeric;
ALTER TABLE fiatconnect_quotes
    ALTER COLUMN fiat_amount TYPE NUMERIC USING fiat_amount::numeric,
    ALTER COLUMN crypto_amount TYPE NUMERIC USING crypto_amount::numeric;
ALTER TABLE fiatconnect_transfers
    ALTER COLUMN fiat_amount TYPE NUMERIC USING fiat_amount::numeric,
    ALTER COLUMN crypto_amount TYPE NUMERIC USING crypto_amount::numeric;
ALTER TABLE ramp_quotes
    ALTER COLUMN crypto_amount TYPE NUMERIC USING crypto_amount::numeric,
    ALTER COLUMN rate TYPE NUMERIC USING rate::numeric,
    ALTER COLUMN amount_received TYPE NUMERIC USING amount_received::numeric;
