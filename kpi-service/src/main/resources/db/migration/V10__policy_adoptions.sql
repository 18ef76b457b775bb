-- The policy level: national adoptions of the framework from membership.events (tic.membership.policy.*), the
-- latest snapshot of each (a higher membership version replaces it), read "as of" by their adoption date.
create table policy_adoption_record (
    id          uuid primary key,
    country     varchar(2)   not null,
    kind        varchar(40)  not null,
    title       varchar(300) not null,
    adopted_on  date         not null,
    cluster_ids uuid[]       not null default '{}',
    project_ids uuid[]       not null default '{}',
    version     bigint       not null,
    updated_at  timestamptz  not null
);
create index policy_adoption_record_adopted_idx on policy_adoption_record (adopted_on);
