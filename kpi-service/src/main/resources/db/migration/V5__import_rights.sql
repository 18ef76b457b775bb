-- Imports need a token: the uploader's rights are kept on the job, so the worker (which runs outside any request)
-- checks every row against them, and a coordinator lists only the jobs it uploaded.
alter table kpi_import add column actor_secretariat boolean not null default false;
alter table kpi_import add column actor_clusters uuid[] not null default '{}';
create index kpi_import_created_by_idx on kpi_import (created_by, created_at desc);

-- Jobs still open were uploaded before imports needed a token: nobody's rights can be checked for their rows.
update kpi_import
   set status = 'FAILED', failure = 'Uploaded before imports required a token; upload the file again',
       finished_at = now(), lease_until = null, version = version + 1
 where status in ('RECEIVING', 'QUEUED', 'RUNNING');
