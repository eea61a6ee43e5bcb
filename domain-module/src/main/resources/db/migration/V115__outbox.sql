-- The transactional outbox (issue 16.6, ADR 0046): whatever the application sends to another system is a row
-- here, committed with the business change that caused it, and delivered afterwards by a sender with retries.
-- Mail today (kind 'mail'); signed webhooks later (kind 'webhook': destination a URL, payload the JSON body).
create table outbox (
  id               uuid          primary key,
  kind             varchar(20)   not null,
  -- mail: the recipients, comma-separated; webhook: the URL
  destination      varchar(4000) not null,
  -- mail: the whole RFC 822 message, attachments included; cleared once sent (mails carry live links)
  payload          bytea,
  -- a repeat of the same business event (a restarted report step) adds no second row
  dedupe_key       varchar(400),
  state            varchar(10)   not null default 'PENDING',
  attempts         integer       not null default 0,
  next_attempt_at  timestamptz   not null,
  last_error       varchar(1000),
  -- the claim: which sender holds the row and until when (a sender that died loses it at lease_until)
  lease_owner      varchar(100),
  lease_until      timestamptz,
  created_at       timestamptz   not null,
  sent_at          timestamptz,
  constraint outbox_state_ck check (state in ('PENDING', 'SENT', 'DEAD')),
  constraint outbox_dedupe_uq unique (kind, dedupe_key)
);
-- what the senders claim: due rows that are still pending
create index outbox_due_idx on outbox (kind, next_attempt_at) where state = 'PENDING';
-- the backlog figures and the operator's view of dead rows
create index outbox_state_idx on outbox (state, created_at);
