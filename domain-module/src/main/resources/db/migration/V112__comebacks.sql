-- Issue 19.6: a work order marked as a comeback (re-repair) of an earlier one for the same vehicle.
create table comebacks (
  id                      uuid primary key,
  organization_id         uuid          not null references organizations (id),
  shop_id                 uuid          not null references shops (id),
  work_order_id           uuid          not null references work_orders (id),
  original_work_order_id  uuid          not null references work_orders (id),
  original_technician_id  uuid          references users (id),
  reason                  varchar(1000) not null,
  marked_by               uuid          not null,
  created_at              timestamptz   not null,
  updated_at              timestamptz   not null,
  version                 bigint        not null default 0,
  constraint comebacks_work_order_uq unique (work_order_id),
  constraint comebacks_not_itself check (work_order_id <> original_work_order_id)
);
create index comebacks_shop_idx on comebacks (organization_id, shop_id, created_at);
