-- A counter bumped in the transaction of every change to a roll-up input (reports, corrections, import rows, the
-- cluster and project read models). Readers compare it (one primary-key read) to reuse today's roll-up instead of
-- recomputing it from every cluster and current value; the totals tracker records the version it last checked.
alter table initiative_totals add column data_version bigint not null default 0;
alter table initiative_totals add column checked_version bigint not null default -1;
