package org.tic.kpi.repository;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.tic.commons.rest.PageRequest;
import org.tic.commons.rest.SortSpec;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Read-only queries of the dashboard endpoints over the read models (cluster_record, cluster_status_period,
 * cluster_merge, project_record) and the report tables. Sorting and filtering happen in PostgreSQL; sort fields
 * are an allow-list ({@link SortSpec}) mapped to SQL expressions, never user text. Rows come back typed; the REST
 * layer maps them to its views.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DashboardQueryRepository {

    /** API sort field → SQL expression over the columns of the cluster list query (alias c). */
    public static final Map<String, String> CLUSTER_SORT = sortFields();

    private static Map<String, String> sortFields() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", "lower(c.name)");
        m.put("country", "c.country");
        m.put("worldRegion", "c.world_region");
        m.put("type", "c.type");
        m.put("status", "c.status");
        m.put("signatorySince", "c.signatory_since");
        m.put("projects", "c.projects");
        return m;
    }

    /** Filters of the cluster list; null = no filter. */
    public record ClusterFilter(String q, String country, String worldRegion, String type, String status) {
    }

    public record Page<T>(List<T> items, long total) {
    }

    /** A cluster of the read model with its status on the date asked for. */
    public record ClusterListRow(UUID id, String slug, String name, String country, String worldRegion, String type,
                                 List<String> sectors, String status, String statusOrigin, String currentStatus,
                                 LocalDate signatorySince, LocalDate joinedDate, Integer joinedYear, UUID successorId,
                                 int projects) {
    }

    /** A project a cluster leads or takes part in, directly or through a cluster merged into it. */
    public record ClusterProjectRow(UUID id, String name, String category, String stage, LocalDate stageDate,
                                    LocalDate fidDate, LocalDate cancelledOn, String role, UUID viaMergedCluster,
                                    UUID leadClusterId, List<UUID> participatingClusterIds, List<String> countries,
                                    boolean corridor, BigDecimal capacityValue, String capacityUnit,
                                    BigDecimal co2eValue, String co2eUnit, String co2eMetricType) {
    }

    /** The parts of the data fingerprint (one row or index-only aggregate each) and when the totals last changed. */
    public record DataFingerprint(List<String> parts, Instant totalsChangedAt) {
    }

    private final EntityManager em;

    public DashboardQueryRepository(EntityManager em) {
        this.em = em;
    }

    public Page<ClusterListRow> clusters(LocalDate asOf, ClusterFilter f, String sort, PageRequest page) {
        Sort parsed = SortSpec.parse(sort, CLUSTER_SORT, "name", "c.id");
        StringBuilder order = new StringBuilder();
        for (Sort.Column col : parsed.getColumns()) {
            order.append(order.isEmpty() ? " order by " : ", ").append(col.getName())
                    .append(col.getDirection() == Sort.Direction.Descending ? " desc" : " asc")
                    .append(col.getNullPrecedence() == null ? "" : " nulls last");
        }
        List<Object> params = new ArrayList<>();
        params.add(asOf);
        StringBuilder where = new StringBuilder(" where s.status is not null");
        if (f.q() != null && !f.q().isBlank()) {
            params.add("%" + f.q().trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
            int i = params.size();
            where.append(" and (lower(c.name) like ?").append(i).append(" or lower(coalesce(c.slug, '')) like ?")
                    .append(i).append(")");
        }
        appendEquals(where, params, "c.country", upper(f.country()));
        appendEquals(where, params, "c.world_region", upper(f.worldRegion()));
        appendEquals(where, params, "c.type", upper(f.type()));
        appendEquals(where, params, "s.status", upper(f.status()));

        // The status on the date: the period covering it (the history is a sequence of [from, to) periods).
        String from = """
                 from cluster_record c
                 left join lateral (select p.status, p.origin from cluster_status_period p
                                    where p.cluster_id = c.id and p.valid_from <= ?1 and (p.valid_to is null or p.valid_to > ?1)
                                    order by p.seq desc limit 1) s on true""";
        String select = """
                select * from (
                  select c.id, c.slug, c.name, c.country, c.world_region, c.type, array_to_string(c.sectors, '|') as sectors,
                         s.status, s.origin, c.status as current_status, c.joined_date, c.joined_year, c.successor_id,
                         (select min(p.valid_from) from cluster_status_period p
                          where p.cluster_id = c.id and p.status = 'SIGNATORY') as signatory_since,
                         (select count(*) from project_record pr
                          where pr.lead_cluster_id = c.id or pr.participating_cluster_ids @> array[c.id]) as projects
                """ + from + where + ") c" + order + " limit " + page.size() + " offset " + page.offset();
        Query q = em.createNativeQuery(select);
        bind(q, params);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        List<ClusterListRow> items = new ArrayList<>();
        for (Object[] r : rows) {
            items.add(new ClusterListRow((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    (String) r[5], split((String) r[6]), (String) r[7], (String) r[8], (String) r[9], date(r[13]),
                    date(r[10]), r[11] == null ? null : ((Number) r[11]).intValue(), (UUID) r[12],
                    ((Number) r[14]).intValue()));
        }
        Query count = em.createNativeQuery("select count(*)" + from + where);
        bind(count, params);
        long total = ((Number) count.getSingleResult()).longValue();
        return new Page<>(items, total);
    }

    /**
     * Projects the cluster leads or takes part in, and those of the clusters merged into it (on or before asOf), by
     * name; empty when there is no such cluster in the read model.
     */
    public Optional<List<ClusterProjectRow>> projects(UUID clusterId, LocalDate asOf) {
        if (em.createNativeQuery("select 1 from cluster_record where id = ?1").setParameter(1, clusterId)
                .getResultList().isEmpty()) {
            return Optional.empty();
        }
        Query q = em.createNativeQuery("""
                with recursive lineage(cluster_id, via) as (
                    select cast(?1 as uuid), cast(null as uuid)
                    union
                    select m.predecessor_id, m.predecessor_id from cluster_merge m join lineage l on m.successor_id = l.cluster_id
                    where m.effective_date <= ?2
                )
                select distinct on (pr.id) pr.id, pr.name, pr.category, pr.stage, pr.stage_date, pr.fid_date, pr.cancelled_on,
                       case when pr.lead_cluster_id = l.cluster_id then 'LEAD' else 'PARTICIPANT' end as role, l.via,
                       pr.lead_cluster_id, array_to_string(pr.participating_cluster_ids, '|'),
                       array_to_string(pr.countries, '|'), pr.corridor, pr.capacity_value, pr.capacity_unit,
                       pr.co2e_value, pr.co2e_unit, pr.co2e_metric_type
                from project_record pr
                join lineage l on pr.lead_cluster_id = l.cluster_id or pr.participating_cluster_ids @> array[l.cluster_id]
                order by pr.id, (l.via is not null), (pr.lead_cluster_id = l.cluster_id) desc""")
                .setParameter(1, clusterId)
                .setParameter(2, asOf);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        List<ClusterProjectRow> result = new ArrayList<>();
        for (Object[] r : rows) {
            List<UUID> participating = split((String) r[10]).stream().map(UUID::fromString).toList();
            result.add(new ClusterProjectRow((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], date(r[4]),
                    date(r[5]), date(r[6]), (String) r[7], (UUID) r[8], (UUID) r[9], participating, split((String) r[11]),
                    Boolean.TRUE.equals(r[12]), decimal(r[13]), (String) r[14], decimal(r[15]), (String) r[16],
                    (String) r[17]));
        }
        result.sort((a, b) -> a.name().compareToIgnoreCase(b.name()) != 0 ? a.name().compareToIgnoreCase(b.name())
                : a.id().compareTo(b.id()));
        return Optional.of(result);
    }

    /**
     * Everything the roll-ups are computed from, as a few parts. Each part is one row or an index-only aggregate:
     * the latest current report (partial index on recorded_at), counts and last updates of the small read models.
     */
    public DataFingerprint dataFingerprint() {
        Object[] r = (Object[]) em.createNativeQuery("""
                select (select fingerprint || '/' || data_version from initiative_totals where id = 1),
                       (select changed_at from initiative_totals where id = 1),
                       (select count(*) || '/' || coalesce(max(updated_at)::text, '') from cluster_record),
                       (select count(*) || '/' || coalesce(max(updated_at)::text, '') from project_record),
                       (select coalesce(max(recorded_at)::text, '') from kpi_report where current_version),
                       (select count(*) from kpi_current),
                       (select count(*) || '/' || coalesce(max(loaded_at)::text, '') from published_snapshot),
                       (select count(*) from cluster_merge)""").getSingleResult();
        List<String> parts = new ArrayList<>();
        for (Object o : r) {
            parts.add(String.valueOf(o));
        }
        return new DataFingerprint(List.copyOf(parts), instant(r[1]));
    }

    private static void appendEquals(StringBuilder where, List<Object> params, String column, String value) {
        if (value == null) {
            return;
        }
        params.add(value);
        where.append(" and ").append(column).append(" = ?").append(params.size());
    }

    private static String upper(String value) {
        return value == null || value.isBlank() ? null : value.trim().toUpperCase(Locale.ROOT);
    }

    private static void bind(Query q, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\\|"));
    }

    private static LocalDate date(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof LocalDate d) {
            return d;
        }
        return ((java.sql.Date) o).toLocalDate();
    }

    private static BigDecimal decimal(Object o) {
        if (o == null) {
            return null;
        }
        BigDecimal d = o instanceof BigDecimal b ? b : new BigDecimal(o.toString());
        d = d.stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    private static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (o instanceof Timestamp ts) {
            return ts.toInstant();
        }
        return Instant.parse(o.toString());
    }
}
