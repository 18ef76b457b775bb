-- The initiative's own published totals, stored as reported aggregates with their source and exact wording,
-- shown next to the computed figures (loaded from src/main/resources/demo/initiative-snapshots.csv at start).
create table published_snapshot (
    as_of            date primary key,
    clusters         integer,
    countries        integer,
    co2e_mt          numeric,
    co2e_wording     varchar(300),
    co2e_metric_type varchar(30),
    gdp_usd_bn       numeric,
    jobs_million     numeric,
    jobs_wording     varchar(200),
    source_url       varchar(1000) not null,
    note             varchar(2000),
    loaded_at        timestamptz   not null
);
