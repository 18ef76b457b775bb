package org.tic.bench;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * The scale data set, inserted directly in PostgreSQL (through the API it would take hours): clusters with their
 * coordinators, parties and status history in membership-service's tables, and the same clusters in kpi-service's
 * read model (snapshot, status facts, status periods — what its consumer would have built from their events) with
 * ten KPI report versions each (three buckets × three years, one corrected) and the maintained current-value rows.
 * <p>
 * The rows copy what the services themselves write (checked against rows written through the APIs: versions 0/1/2
 * for registered/joined/suspended, bucket keys, normalised units, qualifiers, the periods {@code StatusTimeline}
 * builds). Ids are {@code md5('bench-cluster-' || g)::uuid}, so a load generator and pgbench can compute a random
 * existing id from a random number, and re-running the load is idempotent ({@code on conflict do nothing}).
 * project-service's read model is not filled (no scenario reads it).
 */
final class BulkData {

    private BulkData() {
    }

    /** The id of generated cluster {@code g} (1-based), the same value PostgreSQL computes. */
    static UUID clusterId(long g) {
        return md5Uuid("bench-cluster-" + g);
    }

    static String clusterSlug(long g) {
        return "bench-cluster-" + g;
    }

    static UUID md5Uuid(String text) {
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            String hex = String.format("%032x", new BigInteger(1, d));
            return UUID.fromString(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                    + hex.substring(16, 20) + "-" + hex.substring(20));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Per generated cluster: country, region, type, sectors, status, join date/year, registration/suspension dates. */
    private static final String CLUSTER_FACTS = """
            with base as (
              select g,
                     md5('bench-cluster-' || g)::uuid as id,
                     (array['GB','NL','DE','FR','ES','IT','NO','US','CA','MX','BR','CL','ZA','EG','IN','CN','JP','KR','AU','AE'])[1 + g % 20] as country,
                     (array['EUROPE','EUROPE','EUROPE','EUROPE','EUROPE','EUROPE','EUROPE','NORTH_AMERICA','NORTH_AMERICA',
                            'LATIN_AMERICA_CARIBBEAN','LATIN_AMERICA_CARIBBEAN','LATIN_AMERICA_CARIBBEAN','AFRICA','AFRICA',
                            'ASIA_PACIFIC','ASIA_PACIFIC','ASIA_PACIFIC','ASIA_PACIFIC','ASIA_PACIFIC','MIDDLE_EAST'])[1 + g % 20] as world_region,
                     (array['PORT','ENERGY_HUB','INDUSTRIAL_COMPLEX','SPECIAL_ECONOMIC_ZONE','ECO_INDUSTRIAL_PARK','HYDROGEN_VALLEY','OTHER'])[1 + g % 7] as type,
                     (array['{chemicals,steel}','{hydrogen}','{refining,chemicals}','{cement}','{steel,hydrogen,ccus}'])[1 + g % 5]::varchar(255)[] as sectors,
                     case g % 20 when 0 then 'APPLICANT' when 1 then 'SUSPENDED' when 2 then 'WITHDRAWN' else 'SIGNATORY' end as status,
                     2021 + g % 5 as year,
                     g % 2 = 0 as dated
              from generate_series({FROM}, {TO}) g
            ), dates as (
              select b.*,
                     case when status = 'APPLICANT' then null::int else year end as joined_year,
                     case when status <> 'APPLICANT' and dated then make_date(year, 1 + g % 12, 1 + g % 28) end as joined_date,
                     make_date(year, 1, 1) - (30 + g % 300) as registered_on
              from base b
            )
            select d.*,
                   coalesce(joined_date, make_date(year, 1, 1)) as join_start,
                   coalesce(joined_date, make_date(year, 1, 1)) + (30 + g % 200) as left_on,
                   case when status = 'APPLICANT' then 0 when status = 'SIGNATORY' then 1 else 2 end as version,
                   (registered_on::timestamp + (g % 36000) * interval '1 second') at time zone 'UTC' as registered_at,
                   (coalesce(joined_date, make_date(year, 1, 1))::timestamp + interval '10 hours') at time zone 'UTC' as joined_at,
                   ((coalesce(joined_date, make_date(year, 1, 1)) + (30 + g % 200))::timestamp + interval '11 hours') at time zone 'UTC' as left_at
            from dates d""";

    /** membership-service's tables: organization, cluster, cluster_party, cluster_status_change. */
    static String[] membershipSql(long from, long to) {
        String facts = CLUSTER_FACTS.replace("{FROM}", String.valueOf(from)).replace("{TO}", String.valueOf(to));
        return new String[]{
                "set synchronous_commit = off",
                "create temporary table bench_facts as " + facts,
                """
                insert into organization (id, name, kind, country, sectors, website, version, created_at, updated_at, created_by, updated_by)
                select md5('bench-org-' || g)::uuid, 'Bench Coordinator ' || g, 'OTHER', country, '{}', null, 0,
                       registered_at, registered_at, 'bench-loader', 'bench-loader'
                from bench_facts on conflict do nothing""",
                """
                insert into cluster (id, slug, name, country, subnational_region, world_region, type, sectors,
                                     coordinator_organization_id, latitude, longitude, status, status_reason, joined_date,
                                     joined_year, successor_id, sources, version, created_at, updated_at, created_by, updated_by)
                select id, 'bench-cluster-' || g, 'Bench Cluster ' || g, country, null, world_region, type, sectors,
                       md5('bench-org-' || g)::uuid, null, null, status,
                       case status when 'APPLICANT' then null when 'SIGNATORY' then 'Member named in public sources'
                                   else 'Benchmark status change' end,
                       joined_date, joined_year, null, '{https://example.org/benchmark}', version, registered_at,
                       case status when 'APPLICANT' then registered_at when 'SIGNATORY' then joined_at else left_at end,
                       'bench-loader', 'bench-loader'
                from bench_facts on conflict do nothing""",
                """
                insert into cluster_party (id, cluster_id, organization_id, role, since, until, created_at, created_by)
                select md5('bench-party-' || g)::uuid, id, md5('bench-org-' || g)::uuid, 'COORDINATOR', null, null,
                       registered_at, 'bench-loader'
                from bench_facts on conflict do nothing""",
                """
                insert into cluster_status_change (id, cluster_id, from_status, to_status, effective_date, reason, changed_at, changed_by)
                select md5('bench-change-0-' || g)::uuid, id, null, 'APPLICANT', registered_on, 'Registered', registered_at, 'bench-loader'
                from bench_facts
                union all
                select md5('bench-change-1-' || g)::uuid, id, 'APPLICANT', 'SIGNATORY', join_start, 'Member named in public sources',
                       joined_at, 'bench-loader'
                from bench_facts where status <> 'APPLICANT'
                union all
                select md5('bench-change-2-' || g)::uuid, id, 'SIGNATORY', status, left_on, 'Benchmark status change', left_at, 'bench-loader'
                from bench_facts where status in ('SUSPENDED', 'WITHDRAWN')
                on conflict do nothing""",
                "drop table bench_facts",
        };
    }

    /** kpi-service's read model of the same clusters and their KPI reports. */
    static String[] kpiSql(long from, long to) {
        String facts = CLUSTER_FACTS.replace("{FROM}", String.valueOf(from)).replace("{TO}", String.valueOf(to));
        return new String[]{
                "set synchronous_commit = off",
                "create temporary table bench_facts as " + facts,
                """
                insert into cluster_record (id, slug, name, country, subnational_region, world_region, type, sectors, status,
                                            joined_date, joined_year, successor_id, version, updated_at)
                select id, 'bench-cluster-' || g, 'Bench Cluster ' || g, country, null, world_region, type, sectors::text[], status,
                       joined_date, joined_year, null, version,
                       case status when 'APPLICANT' then registered_at when 'SIGNATORY' then joined_at else left_at end
                from bench_facts on conflict do nothing""",
                """
                insert into cluster_status_fact (cluster_id, version, status, explicit_date, joined_date, joined_year, observed_date, event_type)
                select id, 0, 'APPLICANT', null::date, null::date, null::int, registered_on, 'tic.membership.cluster.registered.v1' from bench_facts
                union all
                select id, 1, 'SIGNATORY', null, joined_date, joined_year, join_start, 'tic.membership.cluster.joined.v1'
                from bench_facts where status <> 'APPLICANT'
                union all
                select id, 2, status, left_on, joined_date, joined_year, left_on,
                       case status when 'SUSPENDED' then 'tic.membership.cluster.suspended.v1' else 'tic.membership.cluster.withdrawn.v1' end
                from bench_facts where status in ('SUSPENDED', 'WITHDRAWN')
                on conflict do nothing""",
                """
                insert into cluster_status_period (cluster_id, seq, status, valid_from, valid_to, origin)
                select id, 0, 'APPLICANT', registered_on, case when status = 'APPLICANT' then null else join_start end, 'OBSERVED'
                from bench_facts
                union all
                select id, 1, 'SIGNATORY', join_start, case when status = 'SIGNATORY' then null else left_on end,
                       case when joined_date is not null then 'JOINED_DATE' else 'JOINED_YEAR' end
                from bench_facts where status <> 'APPLICANT'
                union all
                select id, 2, status, left_on, null, 'EXPLICIT' from bench_facts where status in ('SUSPENDED', 'WITHDRAWN')
                on conflict do nothing""",
                // Ten versions per cluster: CO2e potential reduction, direct operation jobs and direct GDP for 2022-2024,
                // and a correction of the 2024 CO2e value (its first version then stops being current).
                """
                create temporary table bench_reports as
                select md5('bench-rep-' || f.g || '-' || v.b || '-' || v.y)::uuid as id, f.g, f.id as subject_id, v.b, v.y,
                       make_date(v.y + 1, 3, 1) + (f.g % 90)::int as reported_on,
                       case v.b when 0 then round((0.05 + (f.g % 400) / 100.0)::numeric, 2)
                                when 1 then (50 + f.g % 2000)::numeric else (1 + f.g % 30)::numeric end as value
                from bench_facts f cross join (values (0, 2022), (0, 2023), (0, 2024), (1, 2022), (1, 2023), (1, 2024),
                                                      (2, 2022), (2, 2023), (2, 2024)) v(b, y)""",
                """
                insert into kpi_report (id, series_id, revision, supersedes_id, superseded_by_id, valid_to, current_version,
                    subject_type, subject_id, metric, metric_name, co2e_metric_type, co2e_scope, gwp_set, base_year, target_year,
                    method, jobs_kind, jobs_effect, jobs_phase, gdp_currency, gdp_price_year, gdp_basis, value, unit, bucket_key,
                    normalised_value, normalised_unit, period_start, period_end, reported_on, source_url, source_document,
                    reported_by, confidence, notes, correction_reason, import_id, recorded_at, recorded_by, version)
                select r.id, r.id, 1, null,
                       case when r.b = 0 and r.y = 2024 then md5('bench-rep-' || r.g || '-0-2024-r2')::uuid end,
                       case when r.b = 0 and r.y = 2024 then r.reported_on + 30 end,
                       not (r.b = 0 and r.y = 2024),
                       'CLUSTER', r.subject_id,
                       case r.b when 0 then 'CO2E' when 1 then 'JOBS' else 'GDP' end, null,
                       case when r.b = 0 then 'POTENTIAL_REDUCTION' end, case when r.b = 0 then 'SCOPE_1_2' end,
                       case when r.b = 0 then 'AR6_GWP100' end, null, case when r.b = 0 then 2030 end,
                       case when r.b = 0 then 'Cluster decarbonisation plan' end,
                       case when r.b = 1 then 'CREATED' end, case when r.b = 1 then 'DIRECT' end, case when r.b = 1 then 'OPERATION' end,
                       case when r.b = 2 then 'USD' end, case when r.b = 2 then 2023 end, case when r.b = 2 then 'DIRECT' end,
                       r.value,
                       case r.b when 0 then 'MT_CO2E_PER_YEAR' when 1 then 'HEADCOUNT' else 'CURRENCY_BILLIONS' end,
                       case r.b when 0 then 'CO2E|POTENTIAL_REDUCTION|SCOPE_1_2' when 1 then 'JOBS|CREATED|DIRECT|OPERATION|HEADCOUNT'
                                else 'GDP|DIRECT|USD' end,
                       r.value,
                       case r.b when 0 then 'MT_CO2E_PER_YEAR' when 1 then 'HEADCOUNT' else 'CURRENCY_BILLIONS' end,
                       make_date(r.y, 1, 1), make_date(r.y, 12, 31), r.reported_on,
                       'https://example.org/cluster-report-' || r.y || '.pdf', null, 'Bench loader', 'REPORTED', null, null, null,
                       (r.reported_on::timestamp + (r.g % 36000) * interval '1 second') at time zone 'UTC', 'bench-loader', 0
                from bench_reports r
                on conflict do nothing""",
                """
                insert into kpi_report (id, series_id, revision, supersedes_id, superseded_by_id, valid_to, current_version,
                    subject_type, subject_id, metric, metric_name, co2e_metric_type, co2e_scope, gwp_set, base_year, target_year,
                    method, jobs_kind, jobs_effect, jobs_phase, gdp_currency, gdp_price_year, gdp_basis, value, unit, bucket_key,
                    normalised_value, normalised_unit, period_start, period_end, reported_on, source_url, source_document,
                    reported_by, confidence, notes, correction_reason, import_id, recorded_at, recorded_by, version)
                select md5('bench-rep-' || r.g || '-0-2024-r2')::uuid, r.id, 2, r.id, null, null, true,
                       'CLUSTER', r.subject_id, 'CO2E', null, 'POTENTIAL_REDUCTION', 'SCOPE_1_2', 'AR6_GWP100', null, 2030,
                       'Cluster decarbonisation plan', null, null, null, null, null, null, r.value + 0.1, 'MT_CO2E_PER_YEAR',
                       'CO2E|POTENTIAL_REDUCTION|SCOPE_1_2', r.value + 0.1, 'MT_CO2E_PER_YEAR',
                       make_date(r.y, 1, 1), make_date(r.y, 12, 31), r.reported_on + 30,
                       'https://example.org/cluster-report-' || r.y || '.pdf', null, 'Bench loader', 'REPORTED', null,
                       'Re-estimated with the updated plan', null,
                       ((r.reported_on + 30)::timestamp + (r.g % 36000) * interval '1 second') at time zone 'UTC', 'bench-loader', 0
                from bench_reports r where r.b = 0 and r.y = 2024
                on conflict do nothing""",
                // The maintained current values, chosen exactly as the service does (KpiReportRepository.bestCurrent).
                """
                insert into kpi_current (subject_type, subject_id, bucket_key, report_id, normalised_value, qualifier, reported_on)
                select distinct on (k.subject_type, k.subject_id, k.bucket_key)
                       k.subject_type, k.subject_id, k.bucket_key, k.id, k.normalised_value,
                       case k.metric when 'CO2E' then k.gwp_set when 'GDP' then 'PRICE_YEAR_' || k.gdp_price_year else null end,
                       k.reported_on
                from kpi_report k join bench_facts f on f.id = k.subject_id
                where k.current_version and k.subject_type = 'CLUSTER'
                order by k.subject_type, k.subject_id, k.bucket_key, k.period_end desc, k.reported_on desc, k.recorded_at desc, k.id desc
                on conflict do nothing""",
                "drop table bench_reports",
                "drop table bench_facts",
                // Rows written behind the service's back: bump the roll-ups' data version as every write does, so
                // kpi-service recomputes today's cached roll-up instead of serving the one from before the load.
                "update initiative_totals set data_version = data_version + 1 where id = 1",
        };
    }
}
