-- Stopping a run through another instance than the one running it (issue 16.7). Liberty's JobOperator stops
-- only executions of its own JVM (another instance's answers "not running"), so the instance that took the
-- request records it here and the instance running the execution stops it when it next looks (every 2 s).
-- A request whose execution has ended is removed by whichever instance sees it first.
create table batch_stop_requests (
  execution_id  bigint       primary key,
  requested_by  varchar(200) not null,
  requested_at  timestamptz  not null default now()
);
