-- Customer contact data (e-mail, phone, address) is stored encrypted (AES-GCM, "v1:<key id>:<base64>"), so the
-- columns become text and the plaintext prefix indexes go. Exact search uses keyed hashes (blind indexes).
-- Rows written before this migration are encrypted and indexed at start-up (PersonalDataRekeying).
drop index customers_email_idx;
drop index customers_phone_idx;
alter table customers drop column phone_digits;
alter table customers alter column email type text;
alter table customers alter column phone type text;
alter table customers alter column address type text;
alter table customers add column email_index varchar(64);
alter table customers add column phone_index varchar(64);
create index customers_email_index_idx on customers (organization_id, email_index);
create index customers_phone_index_idx on customers (organization_id, phone_index);
