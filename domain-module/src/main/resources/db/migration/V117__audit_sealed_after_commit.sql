-- The audit trail without a writer lock (ADR 0050). A change inserts its audit row with only its content and an
-- entry number from a sequence; a sealer links committed rows into the organization's hash chain afterwards
-- (seq, prev_hash, hash), in entry order. Rows written before this migration are sealed already.
-- contract: the NOT NULL of seq, prev_hash and hash, not a column: the previous release still writes all three,
-- and audit_events_sealed_in_line below re-links its rows, so both releases can write during a swap
alter table audit_events
  alter column seq drop not null,
  alter column prev_hash drop not null,
  alter column hash drop not null,
  add constraint audit_events_sealed_whole check ((seq is null) = (hash is null) and (seq is null) = (prev_hash is null));

create sequence audit_events_entry_seq;
alter table audit_events add column entry_no bigint not null default nextval('audit_events_entry_seq');
alter sequence audit_events_entry_seq owned by audit_events.entry_no;

-- only the unsealed tail: small, and what the sealer and the verification's tail report read
create index audit_events_unsealed_idx on audit_events (organization_id, entry_no) where seq is null;

-- The hash AuditEvent.computeHash recomputes when verifying: the same fields in the same order, '' for null.
create function audit_hash(p_prev text, p_seq bigint, e audit_events) returns text
  language sql immutable set search_path = public, pg_temp as $$
  select encode(sha256(convert_to(concat_ws('|', p_prev, e.organization_id::text, p_seq::text,
      coalesce(e.shop_id::text, ''), coalesce(e.actor_id::text, ''), e.action, e.entity_type,
      coalesce(e.entity_id::text, ''), coalesce(e.before_state, ''), coalesce(e.after_state, ''),
      coalesce(e.request_id, ''), floor(extract(epoch from e.occurred_at))::bigint::text,
      ((extract(epoch from e.occurred_at) * 1000000)::bigint % 1000000)::text), 'UTF8')), 'hex')
$$;

-- Seals up to p_max committed rows of one organization, in entry order, and returns how many (-1: another
-- sealer holds this organization and p_wait is false). SECURITY DEFINER: it runs as the owner, so the
-- application role, which may not update audit rows, can seal them, and only this way: a row gets its chain
-- columns once (seq is null), computed here, never values the caller chose.
create function audit_seal(p_organization uuid, p_max integer, p_wait boolean) returns integer
  language plpgsql security definer set search_path = public, pg_temp as $$
declare
  lock_key constant bigint := hashtextextended('audit-seal:' || p_organization::text, 0);
  last_seq bigint;
  prev text;
  sealed integer := 0;
  r audit_events;
begin
  if p_wait then
    perform pg_advisory_xact_lock(lock_key);
  elsif not pg_try_advisory_xact_lock(lock_key) then
    return -1;
  end if;
  select seq, hash into last_seq, prev from audit_events
   where organization_id = p_organization and seq is not null order by seq desc limit 1;
  last_seq := coalesce(last_seq, 0);
  prev := coalesce(prev, '');
  -- rows of transactions still open are invisible here and sealed by a later call: no gap is ever skipped,
  -- because the chain position is given now, not taken from the entry number
  for r in select * from audit_events where organization_id = p_organization and seq is null
            order by entry_no limit p_max loop
    last_seq := last_seq + 1;
    update audit_events set seq = last_seq, prev_hash = prev, hash = audit_hash(prev, last_seq, r)
     where id = r.id returning hash into prev;
    sealed := sealed + 1;
  end loop;
  return sealed;
end $$;

-- The previous release writes rows with its own seq and hash, computed under its writer lock from a chain head
-- that may be an unsealed row: during a swap, such a row is re-linked here, after the committed tail is sealed.
create function audit_seal_in_line() returns trigger
  language plpgsql security definer set search_path = public, pg_temp as $$
declare
  last_seq bigint;
  prev text;
begin
  perform audit_seal(new.organization_id, 2147483647, true);
  select seq, hash into last_seq, prev from audit_events
   where organization_id = new.organization_id and seq is not null order by seq desc limit 1;
  new.seq := coalesce(last_seq, 0) + 1;
  new.prev_hash := coalesce(prev, '');
  new.hash := audit_hash(new.prev_hash, new.seq, new);
  return new;
end $$;

-- A restore (DatabaseSnapshot.load) copies sealed rows as they were: it says so with mechanics.restoring.
create trigger audit_events_sealed_in_line before insert on audit_events
  for each row when (new.seq is not null and coalesce(current_setting('mechanics.restoring', true), '') <> 'on')
  execute function audit_seal_in_line();
