-- Canned jobs: a shop's named set of lines (e.g. "Front brake job") inserted into a work order in one call.
create table canned_jobs (
  id               uuid primary key,
  organization_id  uuid          not null references organizations (id),
  shop_id          uuid          not null references shops (id),
  name             varchar(120)  not null,
  created_at       timestamptz   not null,
  updated_at       timestamptz   not null,
  version          bigint        not null default 0,
  constraint canned_jobs_shop_name_uq unique (shop_id, name)
);

create table canned_job_lines (
  id               uuid primary key,
  organization_id  uuid          not null references organizations (id),
  canned_job_id    uuid          not null references canned_jobs (id) on delete cascade,
  position         integer       not null,
  type             varchar(16)   not null check (type in ('LABOR', 'PART', 'FEE', 'DISCOUNT')),
  description      varchar(500)  not null,
  hours            numeric(8,2)  check (hours >= 0),
  rate             numeric(14,2) check (rate >= 0),
  part_number      varchar(60),
  quantity         numeric(10,3) check (quantity > 0),
  unit_cost        numeric(14,2) check (unit_cost >= 0),
  unit_price       numeric(14,2) check (unit_price >= 0),
  taxable          boolean       not null,
  created_at       timestamptz   not null,
  updated_at       timestamptz   not null,
  version          bigint        not null default 0
);
create index canned_job_lines_job_idx on canned_job_lines (canned_job_id, position);
