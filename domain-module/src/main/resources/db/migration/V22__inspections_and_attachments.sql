-- Digital inspection checklist per work order and its attachments (photos, PDFs) kept in the FileStore.

create table inspection_items (
  id               uuid primary key,
  organization_id  uuid          not null references organizations (id),
  work_order_id    uuid          not null references work_orders (id) on delete cascade,
  position         integer       not null,
  name             varchar(200)  not null,
  condition        varchar(8)    check (condition in ('GREEN', 'YELLOW', 'RED')),
  notes            varchar(2000),
  created_at       timestamptz   not null,
  updated_at       timestamptz   not null,
  version          bigint        not null default 0
);
create index inspection_items_work_order_idx on inspection_items (work_order_id, position);

create table attachments (
  id               uuid primary key,
  organization_id  uuid          not null references organizations (id),
  work_order_id    uuid          not null references work_orders (id),
  file_key         varchar(300)  not null,
  file_name        varchar(200)  not null,
  content_type     varchar(100)  not null,
  size_bytes       bigint        not null check (size_bytes > 0),
  sha256           varchar(64)   not null,
  uploaded_by      uuid          not null,
  created_at       timestamptz   not null,
  updated_at       timestamptz   not null,
  version          bigint        not null default 0
);
create index attachments_work_order_idx on attachments (organization_id, work_order_id, id);
