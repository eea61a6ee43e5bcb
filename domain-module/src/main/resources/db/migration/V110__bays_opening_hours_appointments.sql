-- Issue 19.4: bays, opening hours, closed days and appointments. The database refuses a double booking of a
-- bay or a technician itself (exclusion constraints over time ranges), so two advisors booking the last slot at
-- the same moment get one success and one refusal, whatever the application does. btree_gist lets a gist index
-- compare the uuid columns with "="; it is a trusted extension (PostgreSQL 13+) and allow-listed on Azure
-- Flexible Server through the azure.extensions server parameter (arm-templates/azuredeploy.json).
create extension if not exists btree_gist;

create table bays (
  id               uuid primary key,
  organization_id  uuid          not null references organizations (id),
  shop_id          uuid          not null references shops (id),
  name             varchar(60)   not null,
  kind             varchar(16)   not null check (kind in ('LIFT', 'ALIGNMENT', 'DIAGNOSTIC', 'GENERAL')),
  created_at       timestamptz   not null,
  updated_at       timestamptz   not null,
  version          bigint        not null default 0,
  constraint bays_shop_name_uq unique (shop_id, name),
  -- lets an appointment's (bay, shop) pair reference a bay of that same shop
  constraint bays_id_shop_uq unique (id, shop_id)
);
create index bays_shop_idx on bays (organization_id, shop_id, id);

-- one row per weekday the shop opens (ISO day 1 = Monday), local times in the shop's time zone
create table shop_opening_hours (
  id               uuid primary key,
  organization_id  uuid          not null references organizations (id),
  shop_id          uuid          not null references shops (id),
  weekday          smallint      not null check (weekday between 1 and 7),
  opens            time          not null,
  closes           time          not null,
  created_at       timestamptz   not null,
  updated_at       timestamptz   not null,
  version          bigint        not null default 0,
  constraint shop_opening_hours_day_uq unique (shop_id, weekday),
  constraint shop_opening_hours_order check (opens < closes)
);

create table shop_closed_days (
  id               uuid primary key,
  organization_id  uuid          not null references organizations (id),
  shop_id          uuid          not null references shops (id),
  day              date          not null,
  reason           varchar(120),
  created_at       timestamptz   not null,
  updated_at       timestamptz   not null,
  version          bigint        not null default 0,
  constraint shop_closed_days_uq unique (shop_id, day)
);

create table appointments (
  id               uuid primary key,
  organization_id  uuid          not null references organizations (id),
  shop_id          uuid          not null references shops (id),
  bay_id           uuid          not null,
  technician_id    uuid          references users (id),
  customer_id      uuid          not null references customers (id),
  vehicle_id       uuid          not null references vehicles (id),
  requested_work   varchar(2000) not null,
  starts_at        timestamptz   not null,
  ends_at          timestamptz   not null,
  status           varchar(12)   not null check (status in ('BOOKED', 'CHECKED_IN', 'NO_SHOW', 'CANCELLED')),
  work_order_id    uuid          references work_orders (id),
  created_by       uuid          not null,
  created_at       timestamptz   not null,
  updated_at       timestamptz   not null,
  version          bigint        not null default 0,
  constraint appointments_bay_of_shop_fk foreign key (bay_id, shop_id) references bays (id, shop_id),
  constraint appointments_order check (starts_at < ends_at),
  -- a booked or checked-in appointment holds its bay and its technician for [starts_at, ends_at)
  constraint appointments_bay_not_double_booked exclude using gist
    (bay_id with =, tstzrange(starts_at, ends_at) with &&) where (status in ('BOOKED', 'CHECKED_IN')),
  constraint appointments_technician_not_double_booked exclude using gist
    (technician_id with =, tstzrange(starts_at, ends_at) with &&)
    where (status in ('BOOKED', 'CHECKED_IN') and technician_id is not null)
);
create index appointments_shop_time_idx on appointments (organization_id, shop_id, starts_at);
create index appointments_vehicle_idx on appointments (organization_id, vehicle_id);

-- Issue 19.6: the shop's warranty window for comebacks (a re-repair within it is the shop's to absorb)
create table shop_warranty_windows (
  id               uuid primary key,
  organization_id  uuid          not null references organizations (id),
  shop_id          uuid          not null references shops (id),
  days             integer       not null check (days between 0 and 3650),
  miles            integer       not null check (miles between 0 and 1000000),
  created_at       timestamptz   not null,
  updated_at       timestamptz   not null,
  version          bigint        not null default 0,
  constraint shop_warranty_windows_shop_uq unique (shop_id)
);
