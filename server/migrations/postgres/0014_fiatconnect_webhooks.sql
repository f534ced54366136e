-- The Fiat Connect client (by its API key) that started a transfer: its webhook hears of it.
ALTER TABLE fiatconnect_transfers ADD COLUMN client_user_id TEXT;
