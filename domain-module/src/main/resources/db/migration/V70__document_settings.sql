-- Issue 18: what documents and mails need. Only additions (expand): every new column is nullable or has a
-- default, so the previous release runs on this schema.

-- The shop's identity on documents and its document settings. Registration and tax numbers, as many as the
-- shop's jurisdiction needs, each with the shop's own label: one per line, "label<TAB>value".
alter table shops add column legal_name varchar(200);
alter table shops add column email varchar(320);
alter table shops add column website varchar(300);
alter table shops add column registration_numbers varchar(2000);
alter table shops add column accent_color varchar(7);
alter table shops add column invoice_footer varchar(2000);
alter table shops add column warranty_text varchar(4000);
alter table shops add column payment_terms varchar(500);
-- BCP 47 tag (en, en-US, es, es-MX, ...): the language of documents and mails, its region the number format
alter table shops add column document_language varchar(16) not null default 'en-US';
-- the invoice is mailed to the customer when it is issued, unless the shop turned that off
alter table shops add column email_invoices boolean not null default true;
-- the logo in the uploads container ("shops/<shop id>/logo-<version>"), PNG or SVG, checked when uploaded
alter table shops add column logo_key varchar(300);
alter table shops add column logo_content_type varchar(40);

-- a customer's and a staff member's own language, overriding the shop's on what they receive
alter table customers add column preferred_language varchar(16);
alter table users add column preferred_language varchar(16);

-- mileage out, written when the car leaves (with cause and correction, the three Cs of the repair order)
alter table work_orders add column mileage_out integer check (mileage_out >= 0);

-- a part's condition as the repair-shop rules ask it to be printed: new, used, rebuilt, remanufactured
alter table work_order_lines add column part_condition varchar(16)
  check (part_condition in ('NEW', 'USED', 'REBUILT', 'REMANUFACTURED'));
