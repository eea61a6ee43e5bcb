-- The audit trail: one row per change to customer data, money, status, users and permissions, written in the
-- changing transaction. Rows are hash-chained per organization (hash = SHA-256 of the previous hash and the
-- row's content), so a changed, removed or inserted row breaks GET /api/v1/audit/verify.
create table audit_events (
  id               uuid primary key,
  organization_id  uuid         not null references organizations (id),
  seq              bigint       not null,
  shop_id          uuid,
  actor_id         uuid,
  action           varchar(60)  not null,
  entity_type      varchar(40)  not null,
  entity_id        uuid,
  before_state     text,
  after_state      text,
  request_id       varchar(100),
  occurred_at      timestamptz  not null,
  prev_hash        varchar(64)  not null,
  hash             varchar(64)  not null,
  constraint audit_events_chain_uq unique (organization_id, seq)
);
create index audit_events_organization_idx on audit_events (organization_id, id);
