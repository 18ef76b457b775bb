-- Partner machine clients registered in the identity provider (Keycloak). The secret lives only there.
-- Revoked rows stay as the history; an organization can be deleted once it has no active client
-- (OrganizationService deletes its revoked rows first, and this foreign key refuses the rest).
create table api_client (
    id                uuid         primary key,
    organization_id   uuid         not null references organization (id),
    client_id         varchar(255) not null,
    keycloak_id       varchar(64)  not null,
    name              varchar(200) not null,
    description       varchar(1000),
    clusters          uuid[]       not null default '{}',
    status            varchar(20)  not null,
    created_at        timestamptz  not null,
    created_by        varchar(200),
    secret_rotated_at timestamptz,
    secret_rotated_by varchar(200),
    revoked_at        timestamptz,
    revoked_by        varchar(200),
    version           bigint       not null,
    constraint api_client_client_id_uk unique (client_id),
    constraint api_client_status_ck check (status in ('ACTIVE', 'REVOKED'))
);
create index api_client_organization_idx on api_client (organization_id, created_at);
