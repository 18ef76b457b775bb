-- project-service's own read model of membership-service's clusters and organizations, built from
-- membership.events (never written by the API). Each row holds the latest snapshot seen: an event's snapshot
-- replaces the row only when its version is higher, so any replay or interleaving converges to the same state.
-- No foreign keys point here from the project tables: the read model can be truncated and rebuilt from the topic.
create table cluster_snapshot (
    id                          uuid primary key,
    slug                        varchar(120) not null,
    name                        varchar(200) not null,
    country                     varchar(2)   not null,
    subnational_region          varchar(200),
    world_region                varchar(40),
    type                        varchar(40),
    sectors                     text[]       not null default '{}',
    coordinator_organization_id uuid,
    latitude                    double precision,
    longitude                   double precision,
    -- kept as text: a status added upstream must not make events undecodable here
    status                      varchar(20)  not null,
    joined_date                 date,
    joined_year                 integer,
    successor_id                uuid,
    version                     bigint       not null,
    source_created_at           timestamptz,
    source_updated_at           timestamptz,
    last_event_id               uuid         not null,
    last_event_type             varchar(200) not null,
    synced_at                   timestamptz  not null
);
create index cluster_snapshot_slug_idx on cluster_snapshot (slug);
create index cluster_snapshot_successor_idx on cluster_snapshot (successor_id) where successor_id is not null;

-- Organizations are kept as tombstones once deleted, so a late or replayed snapshot cannot resurrect them.
create table organization_snapshot (
    id                uuid primary key,
    name              varchar(200),
    kind              varchar(40),
    country           varchar(2),
    sectors           text[]       not null default '{}',
    website           varchar(500),
    deleted           boolean      not null default false,
    version           bigint       not null,
    source_created_at timestamptz,
    source_updated_at timestamptz,
    last_event_id     uuid         not null,
    last_event_type   varchar(200) not null,
    synced_at         timestamptz  not null
);
