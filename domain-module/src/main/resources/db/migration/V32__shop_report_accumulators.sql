-- daily-shop-report (issue 6): what a report run covers and the sums its chunk step has added up so far.
-- Keyed by the Liberty job instance, not the execution: a restart is a new execution of the same instance and
-- must continue these sums, never start them again. A run's rows are small (one per shop and technician), so
-- the job's memory does not grow with the number of line items.

create table report_runs (
  instance_id      bigint        primary key,
  organization_id  uuid          not null references organizations (id),
  job_name         varchar(100)  not null,
  period           varchar(8)    not null check (period in ('DAY', 'MONTH')),
  period_start     date          not null,
  period_end       date          not null,
  time_zone        varchar(64)   not null,
  from_at          timestamptz   not null,
  to_at            timestamptz   not null,
  kpi_version      varchar(16)   not null,
  recipients       text          not null default '',
  -- the highest line id whose figures are in the sums: a chunk at or below it was already counted
  last_line_id     uuid,
  lines_counted    bigint        not null default 0,
  created_at       timestamptz   not null default now()
);
create index report_runs_organization_idx on report_runs (organization_id, instance_id);

create table report_shop_totals (
  instance_id      bigint        not null references report_runs (instance_id) on delete cascade,
  shop_id          uuid          not null,
  lines            bigint        not null default 0,
  labor_sales      numeric(16,2) not null default 0,
  labor_hours      numeric(14,2) not null default 0,
  parts_sales      numeric(16,2) not null default 0,
  parts_cost       numeric(16,2) not null default 0,
  parts_without_cost bigint      not null default 0,
  fee_sales        numeric(16,2) not null default 0,
  discounts        numeric(16,2) not null default 0,
  primary key (instance_id, shop_id)
);

-- labor hours sold per technician; technician_id is the nil UUID for labor lines with no technician
create table report_technician_hours (
  instance_id      bigint        not null references report_runs (instance_id) on delete cascade,
  shop_id          uuid          not null,
  technician_id    uuid          not null,
  hours_sold       numeric(14,2) not null default 0,
  labor_sales      numeric(16,2) not null default 0,
  primary key (instance_id, shop_id, technician_id)
);

-- the report's reader walks an organization's line items in id order (keyset pagination)
create index work_order_lines_organization_id_idx on work_order_lines (organization_id, id);
