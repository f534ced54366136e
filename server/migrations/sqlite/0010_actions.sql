-- Inbox items that carry an action (accept an invitation, approve an admin request), executed
-- once through POST /ktti/api/v2/actions/{actionItemUuid}.
ALTER TABLE notifications ADD COLUMN action_id TEXT;
ALTER TABLE notifications ADD COLUMN action_kind TEXT;
ALTER TABLE notifications ADD COLUMN action_ref TEXT;
ALTER TABLE notifications ADD COLUMN action_done_at BIGINT;
CREATE UNIQUE INDEX notifications_action ON notifications(action_id);
