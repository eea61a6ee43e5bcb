-- Issue 19.4: the reminder e-mail of the day before (organization job appointment-reminders, ADR 0053).
-- reminded_at is set once the reminder of the current start went out, so a rerun or a second schedule of the
-- same day mails nobody twice; moving the appointment to another time clears it.
alter table appointments add column reminded_at timestamptz;

-- the job's question: booked, not yet reminded, starting in a given window
create index appointments_to_remind on appointments (starts_at) where status = 'BOOKED' and reminded_at is null;
