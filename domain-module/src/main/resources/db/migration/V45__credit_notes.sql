-- Credit notes (issue 4: "invoices are immutable after issue, corrections by credit note"). An invoice keeps
-- what it billed; a credit note is its own gapless document (CN-2026-000001 per shop and year) that reduces
-- the amount due. The invoice carries the running sum so its balance and status change in one row, under the
-- same row lock as payments.

alter table number_sequences drop constraint number_sequences_kind_check;
alter table number_sequences add constraint number_sequences_kind_check
  check (kind in ('WORK_ORDER', 'INVOICE', 'CREDIT_NOTE'));

alter table invoices add column amount_credited numeric(14,2) not null default 0;
alter table invoices add constraint invoices_credited_within_total
  check (amount_credited >= 0 and amount_credited <= greatest(total, 0));

create table credit_notes (
  id               uuid primary key,
  organization_id  uuid          not null references organizations (id),
  shop_id          uuid          not null references shops (id),
  invoice_id       uuid          not null references invoices (id),
  number           varchar(24)   not null,
  year             integer       not null,
  sequence         bigint        not null,
  reason           varchar(500)  not null,
  subtotal         numeric(14,2) not null,
  tax_total        numeric(14,2) not null,
  total            numeric(14,2) not null check (total > 0),
  issued_at        timestamptz   not null,
  issued_by        uuid          not null,
  -- what was credited (lines with the invoice line each refers to, taxes), frozen like an invoice's document
  document         text          not null,
  idempotency_key  varchar(200)  not null,
  request_hash     varchar(64)   not null,
  created_at       timestamptz   not null,
  updated_at       timestamptz   not null,
  version          bigint        not null default 0,
  constraint credit_notes_shop_number_uq unique (shop_id, number),
  constraint credit_notes_shop_year_sequence_uq unique (shop_id, year, sequence),
  constraint credit_notes_idempotency_uq unique (organization_id, idempotency_key)
);
create index credit_notes_invoice_idx on credit_notes (invoice_id, id);
