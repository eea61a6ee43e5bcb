-- Work orders (estimate -> repair order -> invoiced), their lines, board status history, per-shop tax rates,
-- invoices with gapless per-shop-per-year numbers, and idempotent payments (issue 4).

-- Human numbers per shop: WO-000123 (year 0) and INV-2026-000045 (per year). The row is locked by the upsert
-- until the allocating transaction ends, so a rolled-back invoice gives its number back: no gaps.
create table number_sequences (
  organization_id  uuid        not null references organizations (id),
  shop_id          uuid        not null references shops (id),
  kind             varchar(16) not null check (kind in ('WORK_ORDER', 'INVOICE')),
  year             integer     not null,
  last_value       bigint      not null,
  primary key (shop_id, kind, year)
);

create table tax_rates (
  id               uuid primary key,
  organization_id  uuid          not null references organizations (id),
  shop_id          uuid          not null references shops (id),
  position         integer       not null,
  name             varchar(60)   not null,
  rate             numeric(7,4)  not null check (rate >= 0 and rate < 1),
  applies_to_labor boolean       not null,
  applies_to_parts boolean       not null,
  created_at       timestamptz   not null,
  updated_at       timestamptz   not null,
  version          bigint        not null default 0
);
create index tax_rates_shop_idx on tax_rates (organization_id, shop_id);

-- The board's columns per shop; next_codes lists where a work order may go from here (comma-separated).
create table board_columns (
  id               uuid primary key,
  organization_id  uuid         not null references organizations (id),
  shop_id          uuid         not null references shops (id),
  code             varchar(40)  not null,
  name             varchar(80)  not null,
  position         integer      not null,
  next_codes       varchar(1000) not null,
  created_at       timestamptz  not null,
  updated_at       timestamptz  not null,
  version          bigint       not null default 0,
  constraint board_columns_shop_code_uq unique (shop_id, code)
);

create table work_orders (
  id               uuid primary key,
  organization_id  uuid          not null references organizations (id),
  shop_id          uuid          not null references shops (id),
  number           varchar(20)   not null,
  customer_id      uuid          not null references customers (id),
  vehicle_id       uuid          not null references vehicles (id),
  kind             varchar(16)   not null check (kind in ('ESTIMATE', 'REPAIR_ORDER', 'INVOICED')),
  status           varchar(40)   not null,
  status_since     timestamptz   not null,
  mileage_in       integer       check (mileage_in >= 0),
  complaint        varchar(4000),
  cause            varchar(4000),
  correction       varchar(4000),
  technician_ids   uuid[]        not null default '{}',
  promised_at      timestamptz,
  created_by       uuid          not null,
  created_at       timestamptz   not null,
  updated_at       timestamptz   not null,
  version          bigint        not null default 0,
  constraint work_orders_shop_number_uq unique (shop_id, number)
);
create index work_orders_board_idx on work_orders (organization_id, shop_id, id);
create index work_orders_vehicle_idx on work_orders (organization_id, vehicle_id);

create table work_order_lines (
  id               uuid primary key,
  organization_id  uuid          not null references organizations (id),
  work_order_id    uuid          not null references work_orders (id) on delete cascade,
  position         integer       not null,
  type             varchar(16)   not null check (type in ('LABOR', 'PART', 'FEE', 'DISCOUNT')),
  description      varchar(500)  not null,
  hours            numeric(8,2)  check (hours >= 0),
  rate             numeric(14,2) check (rate >= 0),
  technician_id    uuid,
  part_number      varchar(60),
  quantity         numeric(10,3) not null check (quantity >= 0),
  unit_cost        numeric(14,2) check (unit_cost >= 0),
  unit_price       numeric(14,2) not null check (unit_price >= 0),
  amount           numeric(14,2) not null,
  taxable          boolean       not null,
  approval         varchar(16)   not null check (approval in ('PENDING', 'APPROVED', 'DECLINED')),
  created_at       timestamptz   not null,
  updated_at       timestamptz   not null,
  version          bigint        not null default 0
);
create index work_order_lines_order_idx on work_order_lines (work_order_id, position);

create table work_order_status_changes (
  id               uuid primary key,
  organization_id  uuid         not null references organizations (id),
  work_order_id    uuid         not null references work_orders (id) on delete cascade,
  from_status      varchar(40),
  to_status        varchar(40)  not null,
  changed_by       uuid         not null,
  changed_at       timestamptz  not null,
  created_at       timestamptz  not null,
  updated_at       timestamptz  not null,
  version          bigint       not null default 0
);
create index work_order_status_changes_idx on work_order_status_changes (work_order_id, changed_at);

create table invoices (
  id               uuid primary key,
  organization_id  uuid          not null references organizations (id),
  shop_id          uuid          not null references shops (id),
  work_order_id    uuid          not null references work_orders (id),
  number           varchar(24)   not null,
  year             integer       not null,
  sequence         bigint        not null,
  customer_id      uuid          not null,
  subtotal         numeric(14,2) not null,
  tax_total        numeric(14,2) not null,
  total            numeric(14,2) not null,
  amount_paid      numeric(14,2) not null default 0,
  status           varchar(8)    not null check (status in ('OPEN', 'PAID', 'VOID')),
  issued_at        timestamptz   not null,
  -- what was billed, frozen at issue (lines, taxes): an issued invoice never changes
  document         text          not null,
  created_at       timestamptz   not null,
  updated_at       timestamptz   not null,
  version          bigint        not null default 0,
  constraint invoices_shop_number_uq unique (shop_id, number),
  constraint invoices_shop_year_sequence_uq unique (shop_id, year, sequence),
  constraint invoices_work_order_uq unique (work_order_id),
  constraint invoices_paid_within_total check (amount_paid >= 0 and amount_paid <= total)
);
create index invoices_organization_idx on invoices (organization_id, id);

create table payments (
  id               uuid primary key,
  organization_id  uuid          not null references organizations (id),
  invoice_id       uuid          not null references invoices (id),
  amount           numeric(14,2) not null check (amount <> 0),
  method           varchar(8)    not null check (method in ('CASH', 'CARD', 'CHECK', 'OTHER')),
  reference        varchar(100),
  idempotency_key  varchar(200)  not null,
  request_hash     varchar(64)   not null,
  received_by      uuid          not null,
  created_at       timestamptz   not null,
  updated_at       timestamptz   not null,
  version          bigint        not null default 0,
  constraint payments_idempotency_uq unique (organization_id, idempotency_key)
);
create index payments_invoice_idx on payments (invoice_id, id);
