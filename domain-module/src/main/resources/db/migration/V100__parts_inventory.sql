-- Parts inventory (issue 19, points 1-3): the catalogue of an organization, stock per shop, every stock
-- movement as a row, reservations of work-order part lines, purchase orders and transfers between shops.
-- Quantities are numeric(12,3), costs numeric(14,4) (a moving average keeps more places than money).
-- shop_stock.on_hand and .reserved are the running sums of stock_movements; a test checks they always agree.

create table parts (
  id               uuid primary key,
  organization_id  uuid          not null references organizations (id),
  part_number      varchar(60)   not null,
  brand            varchar(80),
  description      varchar(500)  not null,
  vendor           varchar(120),
  unit_cost        numeric(14,2) not null check (unit_cost >= 0),
  selling_price    numeric(14,2) check (selling_price >= 0),
  tax_category     varchar(40)   not null default 'STANDARD',
  core_charge      numeric(14,2) check (core_charge >= 0),
  created_at       timestamptz   not null,
  updated_at       timestamptz   not null,
  version          bigint        not null default 0,
  constraint parts_number_uq unique (organization_id, part_number)
);
create index parts_search_idx on parts (organization_id, lower(part_number) varchar_pattern_ops);

-- markup tiers by unit cost, one row per organization: "upToCost:markupPercent;...;:markupPercent"
create table part_pricing_matrices (
  id               uuid primary key,
  organization_id  uuid          not null references organizations (id) unique,
  tiers            varchar(2000) not null,
  created_at       timestamptz   not null,
  updated_at       timestamptz   not null,
  version          bigint        not null default 0
);

create table inventory_settings (
  id               uuid primary key,
  organization_id  uuid          not null references organizations (id),
  shop_id          uuid          not null references shops (id) unique,
  allow_backorders boolean       not null default false,
  created_at       timestamptz   not null,
  updated_at       timestamptz   not null,
  version          bigint        not null default 0
);

create table shop_stock (
  id               uuid primary key,
  organization_id  uuid          not null references organizations (id),
  shop_id          uuid          not null references shops (id),
  part_id          uuid          not null references parts (id),
  bin              varchar(40),
  on_hand          numeric(12,3) not null default 0 check (on_hand >= 0),
  reserved         numeric(12,3) not null default 0 check (reserved >= 0),
  reorder_point    numeric(12,3) not null default 0 check (reorder_point >= 0),
  reorder_quantity numeric(12,3) not null default 0 check (reorder_quantity >= 0),
  average_cost     numeric(14,4) not null default 0 check (average_cost >= 0),
  created_at       timestamptz   not null,
  updated_at       timestamptz   not null,
  version          bigint        not null default 0,
  constraint shop_stock_shop_part_uq unique (shop_id, part_id)
);
create index shop_stock_part_idx on shop_stock (part_id);

create table stock_movements (
  id               uuid primary key,
  organization_id  uuid          not null references organizations (id),
  shop_id          uuid          not null references shops (id),
  part_id          uuid          not null references parts (id),
  kind             varchar(24)   not null check (kind in ('RESERVED', 'RELEASED', 'CONSUMED', 'RECEIVED',
                                   'ADJUSTED', 'TRANSFER_OUT', 'TRANSFER_IN')),
  on_hand_delta    numeric(12,3) not null,
  reserved_delta   numeric(12,3) not null,
  unit_cost        numeric(14,4),
  reason           varchar(500),
  reference_type   varchar(32),
  reference_id     uuid,
  created_by       uuid,
  created_at       timestamptz   not null,
  updated_at       timestamptz   not null,
  version          bigint        not null default 0
);
create index stock_movements_stock_idx on stock_movements (shop_id, part_id, id);

-- a work-order part line taken from the catalogue: what it holds in its shop and what is still on order
create table part_reservations (
  id               uuid primary key,
  organization_id  uuid          not null references organizations (id),
  shop_id          uuid          not null references shops (id),
  part_id          uuid          not null references parts (id),
  work_order_id    uuid          not null references work_orders (id),
  line_id          uuid          not null unique,
  reserved         numeric(12,3) not null check (reserved >= 0),
  on_order         numeric(12,3) not null check (on_order >= 0),
  consumed         numeric(12,3) not null default 0 check (consumed >= 0),
  created_at       timestamptz   not null,
  updated_at       timestamptz   not null,
  version          bigint        not null default 0
);
create index part_reservations_work_order_idx on part_reservations (work_order_id, id);
create index part_reservations_on_order_idx on part_reservations (shop_id, part_id) where on_order > 0;

create table purchase_orders (
  id               uuid primary key,
  organization_id  uuid          not null references organizations (id),
  shop_id          uuid          not null references shops (id),
  vendor           varchar(120)  not null,
  status           varchar(20)   not null check (status in ('DRAFT', 'ORDERED', 'PARTLY_RECEIVED', 'RECEIVED',
                                   'CANCELLED')),
  cancel_reason    varchar(500),
  created_by       uuid,
  created_at       timestamptz   not null,
  updated_at       timestamptz   not null,
  version          bigint        not null default 0
);
create index purchase_orders_shop_idx on purchase_orders (shop_id, id);

create table purchase_order_lines (
  id                uuid primary key,
  organization_id   uuid          not null references organizations (id),
  purchase_order_id uuid          not null references purchase_orders (id),
  position          integer       not null,
  part_id           uuid          not null references parts (id),
  ordered           numeric(12,3) not null check (ordered > 0),
  received          numeric(12,3) not null default 0 check (received >= 0 and received <= ordered),
  unit_cost         numeric(14,2) not null check (unit_cost >= 0),
  created_at        timestamptz   not null,
  updated_at        timestamptz   not null,
  version           bigint        not null default 0
);
create index purchase_order_lines_order_idx on purchase_order_lines (purchase_order_id, position);

create table purchase_order_receipts (
  id                uuid primary key,
  organization_id   uuid          not null references organizations (id),
  purchase_order_id uuid          not null references purchase_orders (id),
  received_by       uuid,
  lines             varchar(4000) not null,
  idempotency_key   varchar(200)  not null,
  request_hash      varchar(64)   not null,
  created_at        timestamptz   not null,
  updated_at        timestamptz   not null,
  version           bigint        not null default 0,
  constraint purchase_order_receipts_idempotency_uq unique (organization_id, idempotency_key)
);

create table transfers (
  id                 uuid primary key,
  organization_id    uuid          not null references organizations (id),
  from_shop_id       uuid          not null references shops (id),
  to_shop_id         uuid          not null references shops (id),
  status             varchar(20)   not null check (status in ('REQUESTED', 'SHIPPED', 'PARTLY_RECEIVED',
                                     'RECEIVED', 'CANCELLED')),
  work_order_line_id uuid,
  discrepancy_reason varchar(500),
  requested_by       uuid,
  idempotency_key    varchar(200)  not null,
  request_hash       varchar(64)   not null,
  created_at         timestamptz   not null,
  updated_at         timestamptz   not null,
  version            bigint        not null default 0,
  constraint transfers_two_shops check (from_shop_id <> to_shop_id),
  constraint transfers_idempotency_uq unique (organization_id, idempotency_key)
);
create index transfers_from_idx on transfers (from_shop_id, id);
create index transfers_to_idx on transfers (to_shop_id, id);

create table transfer_lines (
  id               uuid primary key,
  organization_id  uuid          not null references organizations (id),
  transfer_id      uuid          not null references transfers (id),
  position         integer       not null,
  part_id          uuid          not null references parts (id),
  quantity         numeric(12,3) not null check (quantity > 0),
  received         numeric(12,3) not null default 0 check (received >= 0),
  missing          numeric(12,3) not null default 0 check (missing >= 0),
  unit_cost        numeric(14,4),
  created_at       timestamptz   not null,
  updated_at       timestamptz   not null,
  version          bigint        not null default 0,
  constraint transfer_lines_within_quantity check (received + missing <= quantity)
);
create index transfer_lines_transfer_idx on transfer_lines (transfer_id, position);

create table transfer_receipts (
  id               uuid primary key,
  organization_id  uuid          not null references organizations (id),
  transfer_id      uuid          not null references transfers (id),
  received_by      uuid,
  lines            varchar(4000) not null,
  idempotency_key  varchar(200)  not null,
  request_hash     varchar(64)   not null,
  created_at       timestamptz   not null,
  updated_at       timestamptz   not null,
  version          bigint        not null default 0,
  constraint transfer_receipts_idempotency_uq unique (organization_id, idempotency_key)
);
