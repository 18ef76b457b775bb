-- The cluster list's default order (name, id) with and without the common status filter: a page becomes an index
-- range scan of offset + size entries instead of a sort of every matching row (found by the benchmark's profile).
create index cluster_status_name_idx on cluster (status, name, id);
create index cluster_name_idx on cluster (name, id);
