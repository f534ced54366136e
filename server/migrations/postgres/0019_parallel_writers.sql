-- Writers on PostgreSQL no longer take one database-wide lock: each locks the kitty, card,
-- partner or chain network it changes, so writers of different things run side by side, in one
-- process and across several. The shared SQL numbers new rows with
-- (SELECT COALESCE(MAX(seq), 0) + 1 FROM t), which two side-by-side inserts would both read
-- alike; here a sequence per table numbers them instead, and a trigger puts its next value in
-- place of what the statement computed. The numbers keep the order of insertion.
CREATE FUNCTION kitty_next_seq() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.seq := nextval((TG_TABLE_NAME || '_seq_gen')::regclass);
    RETURN NEW;
END
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY[
        'deliveries', 'chain_transfers', 'ktti_transactions', 'ktti_members', 'push_messages',
        'crypto_payments', 'crypto_withdrawals', 'kotani_partners', 'binance_orders',
        'kotani_users', 'fiatconnect_accounts', 'fiatconnect_transfers', 'ramp_transactions',
        'mpesa_messages'
    ] LOOP
        EXECUTE format('CREATE SEQUENCE %I', t || '_seq_gen');
        EXECUTE format(
            'SELECT setval(%L, (SELECT COALESCE(MAX(seq), 0) + 1 FROM %I), false)',
            t || '_seq_gen', t
        );
        EXECUTE format(
            'CREATE TRIGGER %I BEFORE INSERT ON %I FOR EACH ROW EXECUTE FUNCTION kitty_next_seq()',
            t || '_next_seq', t
        );
    END LOOP;
END
$$;
