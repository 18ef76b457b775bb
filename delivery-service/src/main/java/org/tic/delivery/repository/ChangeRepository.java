package org.tic.delivery.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.hibernate.Session;
import org.tic.delivery.domain.Change;
import org.tic.delivery.domain.ChangeQuery;
import org.tic.delivery.domain.ChangeScope;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The {@code change} table, in plain SQL (one insert per event, one indexed range read per page). */
@ApplicationScoped
public class ChangeRepository {

    /** Serialises writers from their first insert to their commit: seq order is commit order (V1__change_feed.sql). */
    private static final long FEED_LOCK = 0x5449435F46454544L; // "TIC_FEED"
    private static final Object LOCKED = new Object();
    /** The columns {@link #read} maps, in its order. */
    private static final String SELECT = "select seq, event_id, type, source, subject, aggregate_type, occurred_at, actor, "
            + "data::text, recorded_at from change";

    private final EntityManager em;
    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transaction;

    public ChangeRepository(EntityManager em, AgroalDataSource dataSource, TransactionSynchronizationRegistry transaction) {
        this.em = em;
        this.dataSource = dataSource;
        this.transaction = transaction;
    }

    /** Records one event in the current transaction; an event id already recorded is left as it is. */
    public void insert(UUID eventId, String type, String baseType, String source, String subject, String aggregateType,
                       Instant occurredAt, String actor, String topic, int partition, long offset, String dataJson,
                       ChangeScope scope) {
        em.unwrap(Session.class).doWork(c -> {
            if (transaction.getResource(LOCKED) == null) {
                try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
                    lock.setLong(1, FEED_LOCK);
                    lock.execute();
                }
                transaction.putResource(LOCKED, Boolean.TRUE);
            }
            try (PreparedStatement ps = c.prepareStatement("insert into change (event_id, type, base_type, source, subject, "
                    + "aggregate_type, occurred_at, actor, topic, kafka_partition, kafka_offset, data, cluster_ids, project_ids, "
                    + "audience, audience_clusters) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?) "
                    + "on conflict (event_id) do nothing")) {
                ps.setObject(1, eventId);
                ps.setString(2, type);
                ps.setString(3, baseType);
                ps.setString(4, source);
                ps.setString(5, subject);
                ps.setString(6, aggregateType);
                ps.setTimestamp(7, Timestamp.from(occurredAt));
                ps.setString(8, actor);
                ps.setString(9, topic);
                ps.setInt(10, partition);
                ps.setLong(11, offset);
                ps.setString(12, dataJson);
                ps.setArray(13, uuids(c, scope.clusters()));
                ps.setArray(14, uuids(c, scope.projects()));
                ps.setString(15, scope.audience().name());
                ps.setArray(16, uuids(c, scope.audienceClusters()));
                ps.executeUpdate();
            }
        });
    }

    /** Up to {@code q.limit()} changes after {@code q.afterSeq()} that match the filters and that the viewer may read. */
    public List<Change> page(ChangeQuery q) {
        StringBuilder sql = new StringBuilder(SELECT + " where seq > ?");
        if (!q.types().all()) {
            sql.append(" and (type = any(?) or base_type = any(?))");
        }
        if (!q.clusters().isEmpty()) {
            sql.append(" and cluster_ids && ?");
        }
        if (!q.projects().isEmpty()) {
            sql.append(" and project_ids && ?");
        }
        if (!q.viewer().secretariat()) {
            sql.append(" and (audience = 'PUBLIC' or (audience = 'CLUSTERS' and audience_clusters && ?)"
                    + " or (audience = 'ACTOR' and actor = ?))");
        }
        sql.append(" order by seq limit ?");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            ps.setLong(i++, q.afterSeq());
            if (!q.types().all()) {
                ps.setArray(i++, c.createArrayOf("varchar", q.types().types().toArray()));
                ps.setArray(i++, c.createArrayOf("varchar", q.types().baseTypes().toArray()));
            }
            if (!q.clusters().isEmpty()) {
                ps.setArray(i++, uuids(c, q.clusters()));
            }
            if (!q.projects().isEmpty()) {
                ps.setArray(i++, uuids(c, q.projects()));
            }
            if (!q.viewer().secretariat()) {
                ps.setArray(i++, uuids(c, q.viewer().clusters()));
                ps.setString(i++, q.viewer().subject());
            }
            ps.setInt(i, q.limit());
            List<Change> out = new ArrayList<>(q.limit());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the change feed", e);
        }
    }

    /** The changes with these seqs (those retention has not deleted yet). */
    public java.util.Map<Long, Change> bySeqs(Collection<Long> seqs) {
        java.util.Map<Long, Change> out = new java.util.HashMap<>();
        if (seqs.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SELECT + " where seq = any(?)")) {
            ps.setArray(1, c.createArrayOf("bigint", seqs.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Change change = read(rs);
                    out.put(change.seq(), change);
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the change feed", e);
        }
    }

    /** The newest seq; once retention emptied the feed, where it deleted through (never a cursor that is gone). */
    public long head() {
        return longQuery("select greatest(coalesce(max(seq), 0), (select deleted_through from change_horizon where id = 1)) "
                + "from change");
    }

    /** The highest seq retention has deleted: a cursor before it has lost changes. */
    public long deletedThrough() {
        return longQuery("select deleted_through from change_horizon where id = 1");
    }

    /**
     * Deletes up to {@code chunk} of the oldest changes recorded before {@code cutoff}, in seq order, and moves the
     * horizon past them; one short transaction per chunk.
     *
     * @return how many were deleted
     */
    public int deleteChunk(Instant cutoff, int chunk) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement delete = c.prepareStatement("delete from change where seq in (select seq from change "
                    + "where recorded_at < ? order by seq limit ?) returning seq");
                 PreparedStatement horizon = c.prepareStatement(
                         "update change_horizon set deleted_through = greatest(deleted_through, ?) where id = 1")) {
                delete.setTimestamp(1, Timestamp.from(cutoff));
                delete.setInt(2, chunk);
                int deleted = 0;
                long highest = 0;
                try (ResultSet rs = delete.executeQuery()) {
                    while (rs.next()) {
                        deleted++;
                        highest = Math.max(highest, rs.getLong(1));
                    }
                }
                horizon.setLong(1, highest);
                horizon.executeUpdate();
                c.commit();
                return deleted;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot apply the change retention", e);
        }
    }

    private long longQuery(String sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the change feed", e);
        }
    }

    private static Change read(ResultSet rs) throws SQLException {
        return new Change(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8), rs.getString(9),
                rs.getTimestamp(10).toInstant());
    }

    private static java.sql.Array uuids(Connection c, Collection<UUID> ids) throws SQLException {
        return c.createArrayOf("uuid", ids.toArray());
    }
}
