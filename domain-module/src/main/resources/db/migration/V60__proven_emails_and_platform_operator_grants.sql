-- Issue 15.3: the platform-operator role only for an e-mail address its holder has proven, revoked when the
-- address leaves PLATFORM_ADMIN_EMAILS.
--
-- users.email_verified_at: when the user proved they read mail at their address (accepted an invitation mailed
-- there, or followed an e-mail verification link). Null until then.
alter table users add column email_verified_at timestamptz;

-- Invitations accepted before this migration proved the address the same way: the audit trail has them.
update users u set email_verified_at = e.occurred_at
  from (select entity_id, min(occurred_at) as occurred_at from audit_events
         where action = 'user.invitation-accepted' group by entity_id) e
 where u.id = e.entity_id;

-- Who holds PLATFORM_OPERATOR now, granted and revoked at sign-in and token refresh (each change audited). It
-- replaces platform_operators, the list of bare e-mail addresses that granted the role to whoever registered
-- one first. That table is no longer read; it stays until a later release drops it (expand, then contract: the
-- previous version, after a swap back, still reads it).
create table platform_operator_grants (
  user_id     uuid        primary key references users (id) on delete cascade,
  granted_at  timestamptz not null
);
