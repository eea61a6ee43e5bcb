-- daily-shop-report (issue 12 goal 5): the aggregate step adds up the billed lines set-based, one shop and local
-- day at a time, and checkpoints after each. A shop-day's sums are added once: its row here commits in the same
-- transaction as the sums, so a chunk read again after a restart finds it and adds nothing.
create table report_run_days (
  instance_id      bigint        not null references report_runs (instance_id) on delete cascade,
  shop_id          uuid          not null,
  day              date          not null,
  lines            bigint        not null,
  primary key (instance_id, shop_id, day)
);

-- one shop's invoices issued in a time range (a shop-day of the report; the invoice lists of a shop)
create index invoices_shop_issued_idx on invoices (organization_id, shop_id, issued_at);
