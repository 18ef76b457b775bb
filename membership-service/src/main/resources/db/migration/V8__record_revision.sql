-- A revision history for every record (organizations, clusters, parties, policy adoptions): written with each change
-- in its transaction by platform-commons' RevisionWriter, read by RevisionReader. Append-only.
create table record_revision (
    id          bigserial primary key,
    record_type varchar(50)   not null,
    record_id   varchar(100)  not null,
    change      varchar(200)  not null,
    version     bigint,
    recorded_at timestamptz   not null,
    recorded_by varchar(200),
    reason      varchar(2000),
    changed     text[]        not null default '{}',
    snapshot    jsonb
);
create index record_revision_record_idx on record_revision (record_type, record_id, id);
