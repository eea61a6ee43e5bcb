-- daily-shop-report (issue 12 goal 5): the aggregate step adds up the billed lines in one set-based query per
-- shop and local day, and checkpoints after each shop-day. A shop-day's sums are added once: its row here commits in the same
-- transaction as the sums, so a chunk read again after a restart finds it and adds nothing.
create table report_run_days (
  instance_id      bigint        not null references report_runs (instance_id) on delete cascade,
  shop_id          uuid          not null,
  day              date          not null,
  lines            bigint        not null,
  primary key (instance_id, shop_id, day)
);

