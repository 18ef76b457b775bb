create table membership_application (
    id                    uuid primary key,
    cluster_id            uuid          not null references cluster (id),
    status                varchar(20)   not null,
    statement             jsonb,
    declared_parties      jsonb         not null,
    co2e_potential        jsonb,
    just_transition       jsonb,
    decision_reason       varchar(2000),
    submitted_at          timestamptz,
    decided_at            timestamptz,
    decided_by            varchar(200),
    version               bigint        not null,
    created_at            timestamptz   not null,
    updated_at            timestamptz   not null,
    created_by            varchar(200),
    updated_by            varchar(200)
);
create index membership_application_cluster_idx on membership_application (cluster_id);
create index membership_application_status_idx on membership_application (status);
-- At most one open application per cluster.
create unique index membership_application_open_uk on membership_application (cluster_id)
    where status in ('DRAFT', 'SUBMITTED', 'UNDER_REVIEW');

create table policy_adoption (
    id                     uuid primary key,
    country                varchar(2)    not null,
    government_body        varchar(300),
    government_organization_id uuid references organization (id),
    title                  varchar(300)  not null,
    kind                   varchar(40)   not null,
    adopted_on             date          not null,
    scope                  varchar(2000),
    source_url             varchar(1000),
    version                bigint        not null,
    created_at             timestamptz   not null,
    updated_at             timestamptz   not null,
    created_by             varchar(200),
    updated_by             varchar(200)
);
create index policy_adoption_country_idx on policy_adoption (country);
