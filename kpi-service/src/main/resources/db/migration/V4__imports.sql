-- Bulk CSV imports. The upload is streamed into kpi_import_row (never held in memory), then a worker applies
-- each row in its own transaction, so a row lands entirely or not at all and progress survives a restart.
create table kpi_import (
    id             uuid primary key,
    status         varchar(20)  not null,
    columns        text[]       not null,
    rows_total     integer      not null default 0,
    rows_done      integer      not null default 0,
    rows_imported  integer      not null default 0,
    rows_rejected  integer      not null default 0,
    bytes          bigint       not null default 0,
    failure        varchar(2000),
    created_at     timestamptz  not null,
    created_by     varchar(200),
    started_at     timestamptz,
    finished_at    timestamptz,
    lease_until    timestamptz,
    version        bigint       not null
);
create index kpi_import_open_idx on kpi_import (created_at) where status in ('QUEUED', 'RUNNING');

create table kpi_import_row (
    import_id  uuid        not null references kpi_import (id) on delete cascade,
    line_no    integer     not null,
    fields     text[]      not null,
    status     varchar(10) not null,
    report_id  uuid,
    errors     text,
    primary key (import_id, line_no)
);
create index kpi_import_row_pending_idx on kpi_import_row (import_id, line_no) where status = 'PENDING';
create index kpi_import_row_rejected_idx on kpi_import_row (import_id, line_no) where status = 'REJECTED';
