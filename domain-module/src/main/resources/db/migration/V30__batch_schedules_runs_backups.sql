-- Jakarta Batch operations (issue 6): who may run platform jobs, schedules, runs, the backup catalogue.
-- Liberty's own job repository lives in schema "batch" (server.xml databaseStore, tables created by Liberty);
-- the schema is created here so that Liberty only has to create its tables.
create schema if not exists batch;

-- Platform operators belong to no organization's role set; bootstrapped from PLATFORM_ADMIN_EMAILS.
create table platform_operators (
  email       varchar(320) primary key,
  created_at  timestamptz  not null default now()
);

-- organization_id is null for platform schedules (database-backup, file-backup, backup-retention).
create table batch_schedules (
  id               uuid primary key,
  organization_id  uuid          references organizations (id),
  job_name         varchar(100)  not null,
  parameters       text          not null default '',
  cron             varchar(120)  not null,
  time_zone        varchar(64)   not null,
  recipients       text          not null default '',
  paused           boolean       not null default false,
  next_fire_at     timestamptz   not null,
  last_fired_at    timestamptz,
  created_at       timestamptz   not null,
  updated_at       timestamptz   not null,
  version          bigint        not null default 0
);
-- the scheduler's poll: due, not paused
create index batch_schedules_due_idx on batch_schedules (next_fire_at) where not paused;
create index batch_schedules_organization_idx on batch_schedules (organization_id, id);
-- one default schedule per platform job, even when several instances start at once
create unique index batch_schedules_platform_job_uq on batch_schedules (job_name) where organization_id is null;

-- Which organization (null = platform) a Liberty job instance belongs to, and what it produced.
create table batch_runs (
  instance_id      bigint        primary key,
  last_execution_id bigint       not null,
  organization_id  uuid          references organizations (id),
  schedule_id      uuid          references batch_schedules (id) on delete set null,
  job_name         varchar(100)  not null,
  started_by       varchar(320)  not null,
  created_at       timestamptz   not null default now()
);
create index batch_runs_organization_idx on batch_runs (organization_id, instance_id desc);

create table batch_run_outputs (
  -- no foreign key: a fast job may record its output before its launcher has recorded the run
  instance_id  bigint        not null,
  object_key   varchar(1024) not null,
  size_bytes   bigint        not null,
  created_at   timestamptz   not null default now(),
  primary key (instance_id, object_key)
);

-- The backup catalogue: one row per database backup object, written when the upload completed.
create table database_backups (
  object_key     varchar(1024) primary key,
  manifest_key   varchar(1024) not null,
  instance_id    bigint,
  started_at     timestamptz   not null,
  finished_at    timestamptz   not null,
  size_bytes     bigint        not null,
  sha256         varchar(64)   not null,
  schema_version varchar(50)   not null,
  verified       boolean       not null default false,
  deleted_at     timestamptz
);
create index database_backups_finished_idx on database_backups (finished_at desc);
