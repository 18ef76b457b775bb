-- The clusters and projects a policy adoption concerns (issue: all three levels in the numbers). Additive with
-- defaults, so replicas still on the previous version keep writing rows (with an empty scope).
alter table policy_adoption
    add column cluster_ids uuid[] not null default '{}',
    add column project_ids uuid[] not null default '{}';
create index policy_adoption_clusters_idx on policy_adoption using gin (cluster_ids);
