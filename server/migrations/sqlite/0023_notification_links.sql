-- Where an inbox item leads in the app (a kitty, a transaction), so that it can be a link.
ALTER TABLE notifications ADD COLUMN link TEXT;
