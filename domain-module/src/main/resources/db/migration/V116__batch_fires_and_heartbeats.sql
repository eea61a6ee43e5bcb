-- Jobs across a crash (issue 16.2, docs/adr/0048).
-- A schedule's fire is recorded in the transaction that claims it and moves the schedule on; the execution it
-- started is written on the row after the launch. A fire without an execution whose claim is older than the
-- lease was claimed by an instance that died before it launched: the next poll of any instance launches it,
-- unless Liberty's job repository already holds an execution with the fire's id (job parameter scheduleFireId).
create table batch_schedule_fires (
  id            uuid          primary key,
  schedule_id   uuid          not null references batch_schedules (id) on delete cascade,
  due_at        timestamptz   not null,
  claimed_at    timestamptz   not null,
  claimed_by    varchar(200)  not null,
  attempts      integer       not null default 1,
  execution_id  bigint,
  launched_at   timestamptz,
  last_error    varchar(1000)
);
create index batch_schedule_fires_unlaunched_idx on batch_schedule_fires (claimed_at) where execution_id is null;
create index batch_schedule_fires_schedule_idx on batch_schedule_fires (schedule_id);

-- The heartbeat of each execution, written by the instance that runs it while it runs and removed when it ends:
-- a STARTED execution whose heartbeat stopped was left by an instance that died, and may be restarted.
create table batch_execution_heartbeats (
  execution_id   bigint        primary key,
  instance_name  varchar(200)  not null,
  started_at     timestamptz   not null,
  heartbeat_at   timestamptz   not null
);
