-- Which dates each change to a roll-up input can affect: one row per data-version bump, with the earliest date it
-- touches (null: every date, e.g. a cluster's country or a project changed). An "as of" roll-up of a past date D
-- computed at version v stays valid while no later change touches a date <= D, so dashboards reading the past are
-- not invalidated by today's reports. Rows are pruned after a retention period; a reader that finds fewer rows
-- than versions since its own treats the gap as "anything changed".
create table rollup_change (
    data_version  bigint      primary key,
    affected_from date,
    changed_at    timestamptz not null default now()
);
create index rollup_change_changed_at_idx on rollup_change (changed_at);

