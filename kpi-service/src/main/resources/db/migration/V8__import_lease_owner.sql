-- Set-based imports apply rows in chunks of thousands. Each claim of a job gets a fresh owner token; a chunk locks
-- the job row and checks the token first, so a worker whose lease was taken over (a second replica, or a restarted
-- one) stops instead of competing, and a chunk is never applied twice (its rows are read as PENDING under that lock).
alter table kpi_import add column lease_owner uuid;
