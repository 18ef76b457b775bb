-- Joint decarbonization projects. Cluster ids refer to cluster_snapshot by value only (see V1).
create table project (
    id                        uuid primary key,
    name                      varchar(200)  not null,
    description               varchar(4000),
    category                  varchar(40)   not null,
    lead_cluster_id           uuid          not null,
    -- ordered: the route of a corridor reads from the lead through these
    participating_cluster_ids uuid[]        not null default '{}',
    -- derived from the clusters when the project is written; kept for filtering and for the event snapshot
    countries                 text[]        not null default '{}',
    corridor                  boolean       not null default false,
    origin_cluster_id         uuid,
    destination_cluster_id    uuid,
    stage                     varchar(30)   not null,
    stage_date                date,
    -- the stage a project ON_HOLD resumes to
    held_stage                varchar(30),
    fid_date                  date,
    capacity_value            numeric,
    capacity_unit             varchar(30),
    capacity_basis            varchar(200),
    co2e_value                numeric,
    co2e_unit                 varchar(30),
    co2e_metric_type          varchar(30),
    co2e_basis                varchar(500),
    capex_amount              numeric,
    capex_currency            varchar(3),
    capex_price_year          integer,
    funding_secured_amount    numeric,
    funding_currency          varchar(3),
    funding_sources           jsonb         not null default '[]',
    business_model            varchar(2000),
    partners                  jsonb         not null default '[]',
    external_refs             jsonb         not null default '[]',
    sources                   jsonb         not null default '[]',
    version                   bigint        not null,
    created_at                timestamptz   not null,
    updated_at                timestamptz   not null,
    created_by                varchar(200),
    updated_by                varchar(200)
);
-- One project of a given name per lead cluster.
create unique index project_lead_name_uk on project (lead_cluster_id, lower(name));
create index project_participating_idx on project using gin (participating_cluster_ids);
create index project_countries_idx on project using gin (countries);
create index project_stage_idx on project (stage);
create index project_category_idx on project (category);
create index project_fid_date_idx on project (fid_date);
create index project_corridor_idx on project (corridor) where corridor;

-- The dated stage history: append-only, one row per move (the first row is the stage the project was registered at).
create table stage_transition (
    id              uuid primary key,
    project_id      uuid          not null references project (id),
    sequence        integer       not null,
    from_stage      varchar(30),
    to_stage        varchar(30)   not null,
    transition_date date,
    note            varchar(2000),
    evidence        jsonb         not null default '[]',
    skipped         text[]        not null default '{}',
    skip_reason     varchar(2000),
    readiness_override boolean    not null default false,
    override_reason varchar(2000),
    recorded_at     timestamptz   not null,
    recorded_by     varchar(200),
    constraint stage_transition_seq_uk unique (project_id, sequence)
);

-- Planned vs actual dates, one row per milestone type and project.
create table milestone (
    id           uuid primary key,
    project_id   uuid          not null references project (id),
    type         varchar(40)   not null,
    planned_date date,
    actual_date  date,
    note         varchar(2000),
    evidence     jsonb         not null default '[]',
    created_at   timestamptz   not null,
    updated_at   timestamptz   not null,
    created_by   varchar(200),
    updated_by   varchar(200),
    constraint milestone_type_uk unique (project_id, type)
);

-- The bankability checklist; an item without a row has not been started.
create table readiness_item (
    id          uuid primary key,
    project_id  uuid          not null references project (id),
    item        varchar(40)   not null,
    status      varchar(20)   not null,
    note        varchar(2000),
    evidence    jsonb         not null default '[]',
    created_at  timestamptz   not null,
    updated_at  timestamptz   not null,
    created_by  varchar(200),
    updated_by  varchar(200),
    constraint readiness_item_uk unique (project_id, item)
);
