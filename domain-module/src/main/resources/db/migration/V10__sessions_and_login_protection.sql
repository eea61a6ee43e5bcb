-- Sessions (one per sign-in; the access token's sid claim names it) and their rotating refresh tokens.
-- A session is a refresh-token family: reusing a rotated token revokes the whole session.
create table sessions (
  id               uuid primary key,
  organization_id  uuid        not null references organizations (id),
  user_id          uuid        not null references users (id) on delete cascade,
  created_at       timestamptz not null,
  expires_at       timestamptz not null,
  revoked_at       timestamptz,
  revoked_reason   varchar(40)
);
create index sessions_user_idx on sessions (user_id) where revoked_at is null;

-- Only a keyed hash (HMAC-SHA256 under JWT_REFRESH_SECRET) of each refresh token is stored.
create table refresh_tokens (
  id          uuid primary key,
  session_id  uuid        not null references sessions (id) on delete cascade,
  token_hash  varchar(64) not null,
  issued_at   timestamptz not null,
  expires_at  timestamptz not null,
  used_at     timestamptz
);
create unique index refresh_tokens_hash_uq on refresh_tokens (token_hash);
create index refresh_tokens_session_idx on refresh_tokens (session_id);

-- Per-account sign-in failures and lockout with growing back-off.
alter table users add column failed_logins integer     not null default 0;
alter table users add column lockouts      integer     not null default 0;
alter table users add column locked_until  timestamptz;
