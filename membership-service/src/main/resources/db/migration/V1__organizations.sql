create table organization (
    id         uuid primary key,
    name       varchar(200) not null,
    kind       varchar(40)  not null,
    country    varchar(2),
    sectors    varchar(255)[] not null default '{}',
    website    varchar(500),
    version    bigint       not null,
    created_at timestamptz  not null,
    updated_at timestamptz  not null,
    created_by varchar(200),
    updated_by varchar(200)
);
create index organization_kind_idx on organization (kind);
create index organization_country_idx on organization (country);
create index organization_name_idx on organization (lower(name));
