create table cluster (
    id                           uuid primary key,
    slug                         varchar(120) not null,
    name                         varchar(200) not null,
    country                      varchar(2)   not null,
    subnational_region           varchar(200),
    world_region                 varchar(40)  not null,
    type                         varchar(40)  not null,
    sectors                      varchar(255)[] not null default '{}',
    coordinator_organization_id  uuid references organization (id),
    latitude                     double precision,
    longitude                    double precision,
    status                       varchar(20)  not null,
    status_reason                varchar(1000),
    joined_date                  date,
    joined_year                  integer,
    successor_id                 uuid references cluster (id),
    sources                      text[]       not null default '{}',
    version                      bigint       not null,
    created_at                   timestamptz  not null,
    updated_at                   timestamptz  not null,
    created_by                   varchar(200),
    updated_by                   varchar(200),
    constraint cluster_slug_uk unique (slug)
);
create index cluster_status_idx on cluster (status);
create index cluster_country_idx on cluster (country);
create index cluster_region_idx on cluster (world_region);
create index cluster_type_idx on cluster (type);
create index cluster_sectors_idx on cluster using gin (sectors);

-- Every status change with its reason: the history a reader of "as of" figures needs.
create table cluster_status_change (
    id          uuid primary key,
    cluster_id  uuid         not null references cluster (id),
    from_status varchar(20),
    to_status   varchar(20)  not null,
    effective_date date      not null,
    reason      varchar(1000),
    changed_at  timestamptz  not null,
    changed_by  varchar(200)
);
create index cluster_status_change_cluster_idx on cluster_status_change (cluster_id, changed_at);

create table cluster_party (
    id              uuid primary key,
    cluster_id      uuid        not null references cluster (id),
    organization_id uuid        not null references organization (id),
    role            varchar(40) not null,
    since           date,
    until           date,
    created_at      timestamptz not null,
    created_by      varchar(200)
);
create index cluster_party_cluster_idx on cluster_party (cluster_id);
create index cluster_party_org_idx on cluster_party (organization_id);
-- One active membership per organization and role in a cluster.
create unique index cluster_party_active_uk on cluster_party (cluster_id, organization_id, role) where until is null;

create table cluster_merge (
    id             uuid primary key,
    successor_id   uuid          not null references cluster (id),
    effective_date date          not null,
    reason         varchar(1000),
    created_at     timestamptz   not null,
    created_by     varchar(200)
);
create table cluster_merge_predecessor (
    merge_id   uuid not null references cluster_merge (id),
    cluster_id uuid not null references cluster (id),
    primary key (merge_id, cluster_id)
);
