-- The language the server writes a person's notifications, pushes and emails in (the app sets
-- it to its own). English for every account until then.
ALTER TABLE users ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
