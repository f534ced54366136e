-- Accounts the KttiPay way: platform admins and blocks, devices, notification preferences, and
-- push messages (delivered over the app's live channel in the sandbox).
ALTER TABLE users ADD COLUMN is_platform_admin INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN blocked_at BIGINT;

CREATE TABLE devices (
    user_id      TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    device_id    TEXT NOT NULL,
    fcm_token    TEXT,
    platform     TEXT,
    app_version  TEXT,
    model        TEXT,
    created_at   BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, device_id)
);

CREATE TABLE notification_preferences (
    user_id  TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    category TEXT NOT NULL,
    channel  TEXT NOT NULL,
    enabled  INTEGER NOT NULL,
    PRIMARY KEY (user_id, category, channel)
);

CREATE TABLE push_messages (
    id         TEXT PRIMARY KEY NOT NULL,
    seq        BIGINT NOT NULL UNIQUE,
    user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    title      TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX push_messages_user ON push_messages(user_id, seq);
