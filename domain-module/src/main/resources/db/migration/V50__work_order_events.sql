-- Live board (issue 13): every committed change to a work order is one row here and one NOTIFY on the channel
-- 'work_order_events' whose payload is the row's id. NOTIFY is transactional: nothing is announced that did not
-- commit. Each server instance LISTENs on one connection and fans the events out to its SSE subscribers; the
-- ids are monotonic across instances and let a reconnecting board catch up (Last-Event-ID).
-- Called by the application inside the changing transaction (not a table trigger: a backup's restore inserts
-- work orders too, and must not invent events).
create table work_order_events (
  id               bigserial     primary key,
  organization_id  uuid          not null references organizations (id),
  shop_id          uuid          not null references shops (id),
  work_order_id    uuid          not null references work_orders (id) on delete cascade,
  change           varchar(16)   not null check (change in ('created', 'status', 'lines', 'assignment', 'approval',
                                                              'invoice', 'payment')),
  tx               bigint        not null default txid_current(),
  created_at       timestamptz   not null default now(),
  -- one event per work order and transaction: the board reloads a card once, whatever the transaction did
  constraint work_order_events_tx_uq unique (work_order_id, tx)
);
create index work_order_events_shop_idx on work_order_events (shop_id, id);
create index work_order_events_created_idx on work_order_events (created_at);

-- Records the change of one work order in the current transaction and notifies on commit. Within one
-- transaction the first change named wins, except that 'lines' (the weakest) gives way to any other.
create function announce_work_order(p_work_order uuid, p_change varchar) returns bigint
language plpgsql as $$
declare
  event_id bigint;
begin
  insert into work_order_events (organization_id, shop_id, work_order_id, change)
  select w.organization_id, w.shop_id, w.id, p_change from work_orders w where w.id = p_work_order
  on conflict (work_order_id, tx) do update
    set change = case when work_order_events.change = 'lines' then excluded.change else work_order_events.change end
  returning id into event_id;
  if event_id is not null then
    -- identical payloads in one transaction are delivered once
    perform pg_notify('work_order_events', event_id::text);
  end if;
  return event_id;
end $$;
