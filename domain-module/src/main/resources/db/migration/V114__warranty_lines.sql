-- Issue 19.6: a comeback's lines may be booked as warranty: the customer is charged nothing (amount 0) and the
-- line keeps its cost, which the report's parts cost and gross profit then count (ADR 0053).
alter table work_order_lines add column warranty boolean not null default false;
