-- Issue 19.5: technician time. A SHIFT entry is attendance (clock in/out), a JOB entry is time on one labor line.
-- ended_at null = still running. The partial unique indexes are the rule "at most one running job clock (and one
-- open shift) per technician", held by the database whatever the application does.
create table clock_entries (
  id               uuid primary key,
  organization_id  uuid          not null references organizations (id),
  shop_id          uuid          not null references shops (id),
  technician_id    uuid          not null references users (id),
  kind             varchar(8)    not null check (kind in ('SHIFT', 'JOB')),
  work_order_id    uuid          references work_orders (id),
  line_id          uuid          references work_order_lines (id),
  started_at       timestamptz   not null,
  ended_at         timestamptz,
  corrected        boolean       not null default false,
  created_at       timestamptz   not null,
  updated_at       timestamptz   not null,
  version          bigint        not null default 0,
  constraint clock_entries_order check (ended_at is null or ended_at >= started_at),
  constraint clock_entries_job_has_line check ((kind = 'JOB') = (line_id is not null and work_order_id is not null))
);
create unique index clock_entries_one_running_job on clock_entries (technician_id)
  where kind = 'JOB' and ended_at is null;
create unique index clock_entries_one_open_shift on clock_entries (technician_id)
  where kind = 'SHIFT' and ended_at is null;
create index clock_entries_shop_time_idx on clock_entries (organization_id, shop_id, started_at);
create index clock_entries_technician_idx on clock_entries (organization_id, technician_id, started_at);

-- every clock event a tablet sent, under its Idempotency-Key: a retried clock-on finds its first answer
create table clock_events (
  id               uuid primary key,
  organization_id  uuid          not null references organizations (id),
  entry_id         uuid          not null references clock_entries (id),
  action           varchar(12)   not null check (action in ('SHIFT_IN', 'SHIFT_OUT', 'JOB_ON', 'JOB_OFF')),
  technician_id    uuid          not null references users (id),
  idempotency_key  varchar(200)  not null,
  request_hash     varchar(64)   not null,
  created_at       timestamptz   not null,
  updated_at       timestamptz   not null,
  version          bigint        not null default 0,
  constraint clock_events_idempotency_uq unique (organization_id, idempotency_key)
);
