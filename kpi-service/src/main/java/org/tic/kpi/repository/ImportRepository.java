package org.tic.kpi.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;
import org.tic.kpi.domain.ImportJob;

import org.postgresql.PGConnection;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ImportRepository implements PanacheRepositoryBase<ImportJob, UUID> {

    public record StagedRow(int line, List<String> fields, String status, String errors) {
    }

    public record PendingRow(int line, List<String> fields) {
    }

    public record RejectedRow(int line, String errors) {
    }

    /**
     * Stages a batch of rows with one {@code COPY ... FROM STDIN} (pgjdbc's CopyManager on the transaction's own
     * connection): the upload's only cost per row until the worker runs.
     */
    public void stage(UUID importId, List<StagedRow> rows) {
        StringBuilder text = new StringBuilder(rows.size() * 160);
        String id = importId.toString();
        for (StagedRow r : rows) {
            text.append(id).append('\t').append(r.line()).append('\t');
            copyEscape(text, arrayLiteral(r.fields()));
            text.append('\t').append(r.status()).append('\t');
            if (r.errors() == null) {
                text.append("\\N");
            } else {
                copyEscape(text, r.errors());
            }
            text.append('\n');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try {
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "copy kpi_import_row (import_id, line_no, fields, status, errors) from stdin",
                        new ByteArrayInputStream(bytes));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A text[] literal: every element quoted, backslash and quote escaped. */
    static String arrayLiteral(List<String> fields) {
        StringBuilder b = new StringBuilder(fields.size() * 12 + 2).append('{');
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append('"');
            String f = fields.get(i);
            for (int j = 0; j < f.length(); j++) {
                char c = f.charAt(j);
                if (c == '"' || c == '\\') {
                    b.append('\\');
                }
                b.append(c);
            }
            b.append('"');
        }
        return b.append('}').toString();
    }

    /** COPY text format: backslash, tab, line feed and carriage return escaped; NUL (not storable in text) dropped. */
    public static void copyEscape(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\0' -> {
                }
                default -> out.append(c);
            }
        }
    }

    @SuppressWarnings("unchecked")
    public List<PendingRow> pending(UUID importId, int limit) {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        select line_no, fields from kpi_import_row where import_id = ?1 and status = 'PENDING'
                        order by line_no limit ?2""")
                .setParameter(1, importId)
                .setParameter(2, limit)
                .getResultList();
        return rows.stream().map(r -> new PendingRow(((Number) r[0]).intValue(), toList(r[1]))).toList();
    }

    /** What the read models say about one row's subject, resolved for a whole chunk in one query. */
    public record RowSubject(UUID clusterId, boolean clusterCovered, boolean projectKnown, boolean projectCovered,
                             UUID projectLead, List<UUID> projectParticipants) {
    }

    /** A row's subject reference as parsed from the CSV: a cluster by id or slug, and/or a project id. */
    public record SubjectRef(int line, UUID clusterId, String clusterSlug, UUID projectId) {
    }

    /**
     * Resolves the clusters (by id or slug) and projects of a chunk's rows in one query, and checks them against the
     * uploader's clusters: a cluster is covered when it or one of its successors (merges, followed up to 16 steps as
     * {@code KpiAccess#covers} does) is one of them; a project when one of its lead or participating clusters is.
     */
    @SuppressWarnings("unchecked")
    public java.util.Map<Integer, RowSubject> resolve(List<SubjectRef> refs, List<UUID> actorClusters) {
        java.util.Map<Integer, RowSubject> result = new java.util.HashMap<>();
        if (refs.isEmpty()) {
            return result;
        }
        int n = refs.size();
        Integer[] lines = new Integer[n];
        UUID[] clusterIds = new UUID[n];
        String[] slugs = new String[n];
        UUID[] projectIds = new UUID[n];
        for (int i = 0; i < n; i++) {
            SubjectRef r = refs.get(i);
            lines[i] = r.line();
            clusterIds[i] = r.clusterId();
            slugs[i] = r.clusterSlug();
            projectIds[i] = r.projectId();
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("""
                    with recursive input as (
                        select * from unnest(?::int[], ?::uuid[], ?::text[], ?::uuid[]) as x(line_no, cluster_uuid, cluster_slug, project_id)
                    ), resolved as (
                        select i.line_no, case when i.cluster_uuid is not null then cu.id else cs.id end as cluster_id,
                               p.id as project_id, p.lead_cluster_id, p.participating_cluster_ids
                        from input i
                        left join cluster_record cu on cu.id = i.cluster_uuid
                        left join lateral (select s.id from cluster_record s
                                           where i.cluster_uuid is null and s.slug = i.cluster_slug limit 1) cs on true
                        left join project_record p on p.id = i.project_id
                    ), needed as (
                        select cluster_id as id from resolved where cluster_id is not null
                        union select lead_cluster_id from resolved where lead_cluster_id is not null
                        union select unnest(participating_cluster_ids) from resolved where project_id is not null
                    ), chain (start_id, id, depth) as (
                        select id, id, 0 from needed where cardinality(?::uuid[]) > 0
                        union all
                        select ch.start_id, c.successor_id, ch.depth + 1
                        from chain ch join cluster_record c on c.id = ch.id
                        where c.successor_id is not null and ch.depth < 16
                    ), covered as (
                        select distinct start_id as id from chain where id = any(?::uuid[])
                    )
                    select r.line_no, r.cluster_id,
                           coalesce(r.cluster_id in (select id from covered), false),
                           r.project_id is not null,
                           exists (select 1 from covered v where v.id = r.lead_cluster_id
                                                           or v.id = any(r.participating_cluster_ids)),
                           r.lead_cluster_id, r.participating_cluster_ids
                    from resolved r""")) {
                Array actor = connection.createArrayOf("uuid", actorClusters.toArray());
                ps.setArray(1, connection.createArrayOf("integer", lines));
                ps.setArray(2, connection.createArrayOf("uuid", clusterIds));
                ps.setArray(3, connection.createArrayOf("text", slugs));
                ps.setArray(4, connection.createArrayOf("uuid", projectIds));
                ps.setArray(5, actor);
                ps.setArray(6, actor);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Array participants = rs.getArray(7);
                        List<UUID> ids = participants == null ? List.of()
                                : java.util.Arrays.stream((Object[]) participants.getArray()).map(o -> (UUID) o).toList();
                        result.put(rs.getInt(1), new RowSubject(rs.getObject(2, UUID.class), rs.getBoolean(3),
                                rs.getBoolean(4), rs.getBoolean(5), rs.getObject(6, UUID.class), ids));
                    }
                }
            }
        });
        return result;
    }

    /** A row's outcome: its report, or its errors (JSON). */
    public record RowOutcome(int line, UUID reportId, String errors) {
    }

    /**
     * Marks a chunk's rows done in one statement (only rows still PENDING).
     *
     * @return how many rows it marked
     */
    public int finishRows(UUID importId, List<RowOutcome> outcomes) {
        int n = outcomes.size();
        Integer[] lines = new Integer[n];
        UUID[] reports = new UUID[n];
        String[] errors = new String[n];
        for (int i = 0; i < n; i++) {
            lines[i] = outcomes.get(i).line();
            reports[i] = outcomes.get(i).reportId();
            errors[i] = outcomes.get(i).errors();
        }
        int[] updated = {0};
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("""
                    update kpi_import_row r
                       set status = case when x.report_id is null then 'REJECTED' else 'IMPORTED' end,
                           report_id = x.report_id, errors = x.errors
                      from unnest(?::int[], ?::uuid[], ?::text[]) as x(line_no, report_id, errors)
                     where r.import_id = ? and r.line_no = x.line_no and r.status = 'PENDING'""")) {
                ps.setArray(1, connection.createArrayOf("integer", lines));
                ps.setArray(2, connection.createArrayOf("uuid", reports));
                ps.setArray(3, connection.createArrayOf("text", errors));
                ps.setObject(4, importId);
                updated[0] = ps.executeUpdate();
            }
        });
        return updated[0];
    }

    /** Counts a chunk on the job and renews the lease, if this worker still owns it. */
    public boolean countChunk(UUID importId, UUID owner, int imported, int rejected, Instant leaseUntil) {
        return getEntityManager().createNativeQuery("""
                        update kpi_import set rows_done = rows_done + ?3, rows_imported = rows_imported + ?4,
                            rows_rejected = rows_rejected + ?5, lease_until = ?6, version = version + 1
                        where id = ?1 and lease_owner = ?2""")
                .setParameter(1, importId)
                .setParameter(2, owner)
                .setParameter(3, imported + rejected)
                .setParameter(4, imported)
                .setParameter(5, rejected)
                .setParameter(6, leaseUntil)
                .executeUpdate() == 1;
    }

    /**
     * Locks the job row until the transaction ends if {@code owner} still holds its lease: a worker whose lease was
     * taken over gets false and must stop; a taker waits until the current chunk committed.
     */
    public boolean lockIfOwner(UUID importId, UUID owner) {
        return !getEntityManager().createNativeQuery("""
                        select 1 from kpi_import where id = ?1 and lease_owner = ?2 and status = 'RUNNING' for update""")
                .setParameter(1, importId)
                .setParameter(2, owner)
                .getResultList().isEmpty();
    }

    /** Takes the job if nobody holds a live lease on it, under a new owner token. */
    public boolean claim(UUID importId, Instant now, Instant leaseUntil, UUID owner) {
        return getEntityManager().createNativeQuery("""
                        update kpi_import set status = 'RUNNING', started_at = coalesce(started_at, ?2), lease_until = ?3,
                            lease_owner = ?4, version = version + 1
                        where id = ?1 and status in ('QUEUED', 'RUNNING') and (lease_until is null or lease_until < ?2)""")
                .setParameter(1, importId)
                .setParameter(2, now)
                .setParameter(3, leaseUntil)
                .setParameter(4, owner)
                .executeUpdate() == 1;
    }

    /** Uploads still RECEIVING long after they started: their request died with its replica. */
    public int failStaleUploads(Instant startedBefore) {
        return getEntityManager().createNativeQuery("update kpi_import set status = 'FAILED', "
                        + "failure = 'The upload was interrupted; send the file again', finished_at = now(), "
                        + "version = version + 1 where status = 'RECEIVING' and created_at < ?1")
                .setParameter(1, startedBefore)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<UUID> claimable(Instant now) {
        return getEntityManager().createNativeQuery("""
                        select id from kpi_import where status in ('QUEUED', 'RUNNING')
                        and (lease_until is null or lease_until < ?1) order by created_at limit 10""", UUID.class)
                .setParameter(1, now)
                .getResultList();
    }

    @SuppressWarnings("unchecked")
    public List<RejectedRow> rejected(UUID importId, int offset, int limit) {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        select line_no, errors from kpi_import_row where import_id = ?1 and status = 'REJECTED'
                        order by line_no offset ?2 limit ?3""")
                .setParameter(1, importId)
                .setParameter(2, offset)
                .setParameter(3, limit)
                .getResultList();
        return rows.stream().map(r -> new RejectedRow(((Number) r[0]).intValue(), (String) r[1])).toList();
    }

    private static List<String> toList(Object array) {
        try {
            Object value = array instanceof Array a ? a.getArray() : array;
            if (value instanceof String[] s) {
                return List.of(s);
            }
            if (value instanceof Object[] o) {
                return java.util.Arrays.stream(o).map(x -> x == null ? "" : x.toString()).toList();
            }
            throw new IllegalStateException("Unexpected array type " + (value == null ? null : value.getClass()));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
