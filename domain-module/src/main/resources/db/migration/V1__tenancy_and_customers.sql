-- Organizations (tenants), their shops, staff and roles per shop; customers and vehicles.
-- Every tenant-owned row carries organization_id; Hibernate's @TenantId filters on it.

create table organizations (
  id          uuid primary key,
  name        varchar(200) not null,
  currency    varchar(3)   not null,
  time_zone   varchar(64)  not null,
  created_at  timestamptz  not null,
  version     bigint       not null default 0
);

create table shops (
  id               uuid primary key,
  organization_id  uuid          not null references organizations (id),
  name             varchar(200)  not null,
  time_zone        varchar(64)   not null,
  phone            varchar(40),
  address          varchar(500),
  labor_rate       numeric(14,2) not null default 0 check (labor_rate >= 0),
  created_at       timestamptz   not null,
  updated_at       timestamptz   not null,
  version          bigint        not null default 0
);
create index shops_organization_idx on shops (organization_id, id);
create unique index shops_organization_name_uq on shops (organization_id, lower(name));

create table users (
  id               uuid primary key,
  organization_id  uuid         not null references organizations (id),
  email            varchar(320) not null,
  name             varchar(200) not null,
  password_hash    varchar(255) not null,
  enabled          boolean      not null default true,
  created_at       timestamptz  not null,
  updated_at       timestamptz  not null,
  version          bigint       not null default 0
);
-- sign-in looks a user up by e-mail before it knows the organization
create unique index users_email_uq on users (email);
create index users_organization_idx on users (organization_id, id);

create table memberships (
  id               uuid primary key,
  organization_id  uuid        not null references organizations (id),
  user_id          uuid        not null references users (id) on delete cascade,
  shop_id          uuid        not null references shops (id),
  role             varchar(32) not null check (role in ('OWNER', 'MANAGER', 'SERVICE_ADVISOR', 'TECHNICIAN')),
  created_at       timestamptz not null,
  updated_at       timestamptz not null,
  version          bigint      not null default 0,
  constraint memberships_user_shop_uq unique (user_id, shop_id)
);
create index memberships_organization_user_idx on memberships (organization_id, user_id);
create index memberships_shop_idx on memberships (shop_id);

create table customers (
  id               uuid primary key,
  organization_id  uuid         not null references organizations (id),
  first_name       varchar(100) not null,
  last_name        varchar(100) not null,
  email            varchar(320),
  phone            varchar(40),
  phone_digits     varchar(40),
  address          varchar(500),
  created_at       timestamptz  not null,
  updated_at       timestamptz  not null,
  version          bigint       not null default 0
);
-- keyset pagination (organization, id) and the prefix searches of GET /customers?q=
create index customers_organization_idx on customers (organization_id, id);
create index customers_last_name_idx on customers (organization_id, lower(last_name) text_pattern_ops);
create index customers_first_name_idx on customers (organization_id, lower(first_name) text_pattern_ops);
create index customers_email_idx on customers (organization_id, email text_pattern_ops);
create index customers_phone_idx on customers (organization_id, phone_digits text_pattern_ops);

create table vehicles (
  id               uuid primary key,
  organization_id  uuid        not null references organizations (id),
  customer_id      uuid        not null references customers (id),
  vin              varchar(17) not null,
  plate            varchar(20),
  make             varchar(60),
  model            varchar(60),
  model_year       integer check (model_year between 1886 and 2100),
  mileage          integer check (mileage >= 0),
  created_at       timestamptz not null,
  updated_at       timestamptz not null,
  version          bigint      not null default 0,
  constraint vehicles_organization_vin_uq unique (organization_id, vin)
);
create index vehicles_customer_idx on vehicles (organization_id, customer_id, id);
