-- Customer approval of estimates (issue 4): signed, expiring, single-use links, and one row per line decision
-- recording who, when, how, from where and the hash of exactly what was shown.

create table approval_links (
  id               uuid primary key,
  organization_id  uuid          not null references organizations (id),
  work_order_id    uuid          not null references work_orders (id) on delete cascade,
  email            varchar(320),
  expires_at       timestamptz   not null,
  used_at          timestamptz,
  created_by       uuid          not null,
  created_at       timestamptz   not null,
  updated_at       timestamptz   not null,
  version          bigint        not null default 0
);
create index approval_links_work_order_idx on approval_links (organization_id, work_order_id);

create table line_decisions (
  id               uuid primary key,
  organization_id  uuid          not null references organizations (id),
  work_order_id    uuid          not null references work_orders (id) on delete cascade,
  line_id          uuid          not null references work_order_lines (id) on delete cascade,
  approval_link_id uuid          references approval_links (id),
  decision         varchar(16)   not null check (decision in ('APPROVED', 'DECLINED')),
  approver_name    varchar(200)  not null,
  method           varchar(16)   not null check (method in ('LINK', 'PHONE', 'IN_PERSON')),
  client_address   varchar(64),
  document_hash    varchar(64)   not null,
  line_amount      numeric(14,2) not null,
  recorded_by      uuid,
  decided_at       timestamptz   not null,
  created_at       timestamptz   not null,
  updated_at       timestamptz   not null,
  version          bigint        not null default 0
);
create index line_decisions_work_order_idx on line_decisions (organization_id, work_order_id, decided_at);
