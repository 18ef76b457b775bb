-- Read models built from membership.events and project.events. kpi-service owns these copies; the source of
-- truth stays with membership-service and project-service.

-- Latest snapshot of each cluster (upserted only when the event's version is higher than the one held).
create table cluster_record (
    id                 uuid primary key,
    slug               varchar(200),
    name               varchar(300) not null,
    country            varchar(2),
    subnational_region varchar(200),
    world_region       varchar(40),
    type               varchar(40),
    sectors            text[]       not null default '{}',
    status             varchar(20)  not null,
    joined_date        date,
    joined_year        integer,
    successor_id       uuid,
    version            bigint       not null,
    updated_at         timestamptz  not null
);
create index cluster_record_slug_idx on cluster_record (slug);

-- Every snapshot seen, by version: the status history is rebuilt from these, so it does not depend on the
-- order events arrived in (see org.tic.kpi.domain.StatusTimeline).
create table cluster_status_fact (
    cluster_id    uuid        not null,
    version       bigint      not null,
    status        varchar(20) not null,
    explicit_date date,
    joined_date   date,
    joined_year   integer,
    observed_date date        not null,
    event_type    varchar(200) not null,
    primary key (cluster_id, version)
);

-- The status history itself: [valid_from, valid_to), valid_to null while in effect.
create table cluster_status_period (
    cluster_id  uuid        not null,
    seq         integer     not null,
    status      varchar(20) not null,
    valid_from  date        not null,
    valid_to    date,
    origin      varchar(20) not null,
    primary key (cluster_id, seq)
);
-- "Who was a signatory on D" reads only signatory periods.
create index cluster_status_period_signatory_idx on cluster_status_period (valid_from, valid_to)
    where status = 'SIGNATORY';

-- Lineage: predecessors counted until the merge date, the successor from it.
create table cluster_merge (
    merge_id       uuid not null,
    predecessor_id uuid not null,
    successor_id   uuid not null,
    effective_date date not null,
    primary key (merge_id, predecessor_id)
);
create index cluster_merge_successor_idx on cluster_merge (successor_id);

create table project_record (
    id                        uuid primary key,
    name                      varchar(300) not null,
    category                  varchar(40),
    stage                     varchar(40),
    stage_date                date,
    fid_date                  date,
    cancelled_on              date,
    capacity_value            numeric,
    capacity_unit             varchar(40),
    co2e_value                numeric,
    co2e_unit                 varchar(40),
    co2e_metric_type          varchar(40),
    lead_cluster_id           uuid,
    participating_cluster_ids uuid[]      not null default '{}',
    countries                 text[]      not null default '{}',
    corridor                  boolean     not null default false,
    version                   bigint      not null,
    updated_at                timestamptz not null
);
create index project_record_lead_idx on project_record (lead_cluster_id);
create index project_record_participating_idx on project_record using gin (participating_cluster_ids);
