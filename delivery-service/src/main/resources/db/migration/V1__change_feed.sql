-- The change feed: every event of the three services' topics, once (event_id is unique), numbered in commit order.
-- Writers take a transaction-level advisory lock before their first insert (ChangeRepository), so a row with a
-- higher seq is never visible before one with a lower seq: a reader that saw seq N has seen everything up to N,
-- and "after=N" never skips a change that commits late.
create table change (
    seq               bigint generated always as identity primary key,
    event_id          uuid         not null unique,
    type              varchar(200) not null,
    -- the type without its version suffix (tic.membership.cluster.joined), what filters match
    base_type         varchar(200) not null,
    source            varchar(200) not null,
    subject           varchar(200),
    aggregate_type    varchar(100),
    occurred_at       timestamptz  not null,
    actor             varchar(200),
    topic             varchar(200) not null,
    kafka_partition   integer      not null,
    kafka_offset      bigint       not null,
    data              jsonb        not null,
    -- what a change concerns, for the clusters= and projects= filters
    cluster_ids       uuid[]       not null default '{}',
    project_ids       uuid[]       not null default '{}',
    -- who may read it: PUBLIC; CLUSTERS (the secretariat and the coordinators of audience_clusters); ACTOR (the
    -- secretariat and the token subject in actor)
    audience          varchar(20)  not null,
    audience_clusters uuid[]       not null default '{}',
    recorded_at       timestamptz  not null default now()
);
create index change_type_seq_idx on change (base_type, seq);
create index change_clusters_idx on change using gin (cluster_ids);
create index change_projects_idx on change using gin (project_ids);
create index change_recorded_at_idx on change (recorded_at);

-- How far retention has deleted: a cursor before this is expired (410), not merely empty.
create table change_horizon (
    id              smallint primary key check (id = 1),
    deleted_through bigint   not null
);
insert into change_horizon (id, deleted_through) values (1, 0);
