-- Idempotency-Key on routes that create no record of their own to carry the key (issue 13: the technician's
-- phone resends queued inspection changes, photos and status moves when the bay's Wi-Fi returns). The first
-- answer is kept with the key and a hash of the request; a retry gets it back, the key with another request 422.
-- Payments and credit notes keep their key on their own rows (V20, V45), under the same rule
-- (platform.IdempotentRequests).
create table idempotent_answers (
  id               uuid primary key,
  organization_id  uuid          not null references organizations (id),
  idempotency_key  varchar(200)  not null,
  request_hash     varchar(64)   not null,
  status           integer       not null,
  etag             varchar(100),
  location         varchar(2000),
  body             text,
  created_at       timestamptz   not null,
  updated_at       timestamptz   not null,
  version          bigint        not null default 0,
  constraint idempotent_answers_key_uq unique (organization_id, idempotency_key)
);
create index idempotent_answers_created_idx on idempotent_answers (created_at);
