-- Cached callers (docs/adr/0051): every instance keeps the caller of a session for a few seconds. Whatever
-- changes who a caller is announces itself on the channel 'caller_changes' when it commits, so that every
-- instance forgets that caller at once, whichever instance (or batch job, or operator at psql) made the change.
-- Payload: 'session:<id>' (the session ended or changed) or 'user:<id>' (the user, a membership or a
-- platform-operator grant changed). NOTIFY is transactional: a rolled back change announces nothing.
create function announce_caller_change() returns trigger language plpgsql as $$
declare
  changed record;
begin
  changed := case when tg_op = 'DELETE' then old else new end;
  if tg_table_name = 'sessions' then
    perform pg_notify('caller_changes', 'session:' || changed.id::text);
  elsif tg_table_name = 'users' then
    perform pg_notify('caller_changes', 'user:' || changed.id::text);
  else
    perform pg_notify('caller_changes', 'user:' || changed.user_id::text);
  end if;
  return null;
end;
$$;

create trigger sessions_caller_change after update or delete on sessions
  for each row execute function announce_caller_change();
create trigger users_caller_change after update or delete on users
  for each row execute function announce_caller_change();
create trigger memberships_caller_change after insert or update or delete on memberships
  for each row execute function announce_caller_change();
create trigger platform_operator_grants_caller_change after insert or update or delete on platform_operator_grants
  for each row execute function announce_caller_change();
