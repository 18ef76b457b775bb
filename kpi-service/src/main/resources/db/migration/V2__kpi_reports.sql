-- One row per version of a KPI value. A correction inserts a new version and closes the old one: nothing is
-- updated in place except the superseded marker, so the history is the table itself.
create table kpi_report (
    id                 uuid primary key,
    series_id          uuid          not null,
    revision           integer       not null,
    supersedes_id      uuid references kpi_report (id),
    superseded_by_id   uuid,
    valid_to           date,
    current_version    boolean       not null,
    subject_type       varchar(10)   not null,
    subject_id         uuid          not null,
    metric             varchar(10)   not null,
    metric_name        varchar(120),
    co2e_metric_type   varchar(30),
    co2e_scope         varchar(20),
    gwp_set            varchar(20),
    base_year          integer,
    target_year        integer,
    method             varchar(500),
    jobs_kind          varchar(30),
    jobs_effect        varchar(20),
    jobs_phase         varchar(30),
    gdp_currency       varchar(3),
    gdp_price_year     integer,
    gdp_basis          varchar(10),
    value              numeric       not null,
    unit               varchar(30)   not null,
    bucket_key         varchar(200)  not null,
    normalised_value   numeric       not null,
    normalised_unit    varchar(30)   not null,
    period_start       date          not null,
    period_end         date          not null,
    reported_on        date          not null,
    source_url         varchar(1000),
    source_document    varchar(500),
    reported_by        varchar(200)  not null,
    confidence         varchar(10)   not null,
    notes              varchar(2000),
    correction_reason  varchar(1000),
    import_id          uuid,
    recorded_at        timestamptz   not null,
    recorded_by        varchar(200),
    version            bigint        not null,
    constraint kpi_report_revision_uk unique (series_id, revision),
    constraint kpi_report_supersedes_uk unique (supersedes_id),
    constraint kpi_report_first_revision_ck check ((supersedes_id is null) = (revision = 1)),
    constraint kpi_report_valid_ck check (valid_to is null or valid_to >= reported_on)
);
-- In the order of the value preference (latest period, then latest reported, recorded, id): the maintained
-- current value is a top-1 scan of this index.
create index kpi_report_current_subject_idx on kpi_report (subject_type, subject_id, bucket_key, period_end desc,
    reported_on desc, recorded_at desc, id desc) where current_version;
create index kpi_report_current_recorded_idx on kpi_report (recorded_at, id) where current_version;
-- As-of reads scan the versions reported up to the date.
create index kpi_report_reported_on_idx on kpi_report (reported_on);
create index kpi_report_series_idx on kpi_report (series_id, revision);
create index kpi_report_import_idx on kpi_report (import_id) where import_id is not null;

-- Maintained aggregate: the value that currently stands for each subject and bucket, rewritten in the same
-- transaction as every report or correction. Current-date roll-ups read this table (one row per subject and
-- bucket) instead of the report history, so their cost does not grow with the number of reports.
create table kpi_current (
    subject_type     varchar(10)  not null,
    subject_id       uuid         not null,
    bucket_key       varchar(200) not null,
    report_id        uuid         not null references kpi_report (id),
    normalised_value numeric      not null,
    qualifier        varchar(40),
    reported_on      date         not null,
    primary key (subject_type, subject_id, bucket_key)
);

-- The initiative totals last announced on kpi.events (totals-changed is only sent when they differ).
create table initiative_totals (
    id          integer primary key,
    as_of       date        not null,
    fingerprint varchar(64) not null,
    totals      text        not null,
    changed_at  timestamptz not null
);
insert into initiative_totals (id, as_of, fingerprint, totals, changed_at) values (1, current_date, '', '{}', now());
