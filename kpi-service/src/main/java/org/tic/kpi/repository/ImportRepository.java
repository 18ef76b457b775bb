package org.tic.kpi.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;
import org.tic.kpi.domain.ImportJob;

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

    /** Stages a batch of rows with one JDBC batch (the upload's only cost per row until the worker runs). */
    public void stage(UUID importId, List<StagedRow> rows) {
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "insert into kpi_import_row (import_id, line_no, fields, status, errors) values (?, ?, ?, ?, ?)")) {
                for (StagedRow r : rows) {
                    Array fields = connection.createArrayOf("text", r.fields().toArray());
                    ps.setObject(1, importId);
                    ps.setInt(2, r.line());
                    ps.setArray(3, fields);
                    ps.setString(4, r.status());
                    ps.setString(5, r.errors());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
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

    /** Marks a row done and counts it on the job, in the row's own transaction; false if it was done already. */
    public boolean finishRow(UUID importId, int line, UUID reportId, String errors, Instant leaseUntil) {
        int updated = getEntityManager().createNativeQuery("""
                        update kpi_import_row set status = ?3, report_id = ?4, errors = ?5
                        where import_id = ?1 and line_no = ?2 and status = 'PENDING'""")
                .setParameter(1, importId)
                .setParameter(2, line)
                .setParameter(3, reportId != null ? "IMPORTED" : "REJECTED")
                .setParameter(4, reportId)
                .setParameter(5, errors)
                .executeUpdate();
        if (updated == 0) {
            return false;
        }
        getEntityManager().createNativeQuery("""
                        update kpi_import set rows_done = rows_done + 1,
                            rows_imported = rows_imported + ?2, rows_rejected = rows_rejected + ?3,
                            lease_until = ?4, version = version + 1
                        where id = ?1""")
                .setParameter(1, importId)
                .setParameter(2, reportId != null ? 1 : 0)
                .setParameter(3, reportId != null ? 0 : 1)
                .setParameter(4, leaseUntil)
                .executeUpdate();
        return true;
    }

    /** Takes the job if nobody holds a live lease on it. */
    public boolean claim(UUID importId, Instant now, Instant leaseUntil) {
        return getEntityManager().createNativeQuery("""
                        update kpi_import set status = 'RUNNING', started_at = coalesce(started_at, ?2), lease_until = ?3,
                            version = version + 1
                        where id = ?1 and status in ('QUEUED', 'RUNNING') and (lease_until is null or lease_until < ?2)""")
                .setParameter(1, importId)
                .setParameter(2, now)
                .setParameter(3, leaseUntil)
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
