package org.tic.delivery.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.tic.delivery.domain.Change;
import org.tic.delivery.domain.Delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code delivery} table: what to send to whom, the retry schedule, the log and the dead letters. */
@ApplicationScoped
public class DeliveryRepository {

    private static final String COLUMNS = "id, subscription_id, seq, event_id, event_type, subject, status, attempts, "
            + "next_attempt_at, first_attempt_at, last_attempt_at, last_status_code, last_error, last_latency_ms, "
            + "delivered_at, created_at";

    private final AgroalDataSource dataSource;
    private final SubscriptionRepository subscriptions;

    public DeliveryRepository(AgroalDataSource dataSource, SubscriptionRepository subscriptions) {
        this.dataSource = dataSource;
        this.subscriptions = subscriptions;
    }

    /** Queues the changes for a subscription and moves its feed position past them, in one transaction. */
    public void fanOut(UUID subscriptionId, List<Change> changes, long position, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("insert into delivery (id, subscription_id, seq, event_id, "
                    + "event_type, subject, status, attempts, next_attempt_at, created_at) values (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?) "
                    + "on conflict (subscription_id, event_id) do nothing")) {
                for (Change ch : changes) {
                    ps.setObject(1, UUID.randomUUID());
                    ps.setObject(2, subscriptionId);
                    ps.setLong(3, ch.seq());
                    ps.setObject(4, ch.eventId());
                    ps.setString(5, ch.type());
                    ps.setString(6, ch.subject() == null ? "" : ch.subject());
                    ps.setTimestamp(7, Sql.ts(now));
                    ps.setTimestamp(8, Sql.ts(now));
                    ps.addBatch();
                }
                ps.executeBatch();
                subscriptions.advance(c, subscriptionId, position);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot queue deliveries", e);
        }
    }

    /**
     * Claims up to {@code limit} due deliveries of active subscriptions, each the oldest pending one of its aggregate
     * in its subscription (so per-aggregate order holds), by pushing their next attempt to {@code leaseUntil}: a
     * replica that dies while sending leaves them due again then (at-least-once). Subscriptions in
     * {@code skipSubscriptions} already have as many deliveries in flight here as they may.
     */
    public List<Delivery> claimDue(Instant now, Instant leaseUntil, int limit, java.util.Set<UUID> skipSubscriptions) {
        String sql = "with due as (select d.id from delivery d join subscription s on s.id = d.subscription_id "
                + "and s.status = 'ACTIVE' where d.status = 'PENDING' and d.next_attempt_at <= ? and d.subscription_id <> all(?) "
                + "and not exists (select 1 from delivery e where e.subscription_id = d.subscription_id and e.status = 'PENDING' "
                + "and e.subject = d.subject and e.seq < d.seq) "
                + "order by d.next_attempt_at, d.seq limit ? for update of d skip locked) "
                + "update delivery set next_attempt_at = ?, first_attempt_at = coalesce(first_attempt_at, ?) "
                + "from due where delivery.id = due.id returning " + prefixed("delivery.");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Sql.ts(now));
            ps.setArray(2, Sql.uuids(c, skipSubscriptions));
            ps.setInt(3, limit);
            ps.setTimestamp(4, Sql.ts(leaseUntil));
            ps.setTimestamp(5, Sql.ts(now));
            return readAll(ps);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot claim deliveries", e);
        }
    }

    public void delivered(UUID id, Instant at, int statusCode, int latencyMs) {
        update("update delivery set status = 'DELIVERED', attempts = attempts + 1, last_attempt_at = ?, delivered_at = ?, "
                + "last_status_code = ?, last_error = null, last_latency_ms = ? where id = ?", ps -> {
            ps.setTimestamp(1, Sql.ts(at));
            ps.setTimestamp(2, Sql.ts(at));
            ps.setInt(3, statusCode);
            ps.setInt(4, latencyMs);
            ps.setObject(5, id);
        });
    }

    /** A failed attempt: retried at {@code nextAttemptAt}, or given up ({@code dead}) into the dead letters. */
    public void failed(UUID id, Instant at, Integer statusCode, String error, int latencyMs, Instant nextAttemptAt, boolean dead) {
        update("update delivery set status = ?, attempts = attempts + 1, last_attempt_at = ?, last_status_code = ?, "
                + "last_error = ?, last_latency_ms = ?, next_attempt_at = ? where id = ?", ps -> {
            ps.setString(1, dead ? "DEAD" : "PENDING");
            ps.setTimestamp(2, Sql.ts(at));
            if (statusCode == null) {
                ps.setNull(3, java.sql.Types.INTEGER);
            } else {
                ps.setInt(3, statusCode);
            }
            ps.setString(4, error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error);
            ps.setInt(5, latencyMs);
            ps.setTimestamp(6, Sql.ts(nextAttemptAt));
            ps.setObject(7, id);
        });
    }

    /** A dead letter goes back to the queue as new; @return false when it is not a dead letter of that subscription. */
    public boolean redeliver(UUID subscriptionId, UUID id, Instant now) {
        return update("update delivery set status = 'PENDING', attempts = 0, first_attempt_at = null, next_attempt_at = ? "
                + "where id = ? and subscription_id = ? and status = 'DEAD'", ps -> {
            ps.setTimestamp(1, Sql.ts(now));
            ps.setObject(2, id);
            ps.setObject(3, subscriptionId);
        }) == 1;
    }

    public Optional<Delivery> find(UUID subscriptionId, UUID id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from delivery where id = ? and subscription_id = ?")) {
            ps.setObject(1, id);
            ps.setObject(2, subscriptionId);
            List<Delivery> all = readAll(ps);
            return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read deliveries", e);
        }
    }

    /** The delivery log, newest first, optionally of one status, before a seq (paging backwards). */
    public List<Delivery> log(UUID subscriptionId, Delivery.Status status, Long beforeSeq, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from delivery where subscription_id = ?");
        if (status != null) {
            sql.append(" and status = ?");
        }
        if (beforeSeq != null) {
            sql.append(" and seq < ?");
        }
        sql.append(" order by seq desc limit ?");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            ps.setObject(i++, subscriptionId);
            if (status != null) {
                ps.setString(i++, status.name());
            }
            if (beforeSeq != null) {
                ps.setLong(i++, beforeSeq);
            }
            ps.setInt(i, limit);
            return readAll(ps);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read deliveries", e);
        }
    }

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private int update(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record a delivery", e);
        }
    }

    private static String prefixed(String prefix) {
        return prefix + COLUMNS.replace(", ", ", " + prefix);
    }

    private static List<Delivery> readAll(PreparedStatement ps) throws SQLException {
        List<Delivery> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Delivery(rs.getObject("id", UUID.class), rs.getObject("subscription_id", UUID.class),
                        rs.getLong("seq"), rs.getObject("event_id", UUID.class), rs.getString("event_type"),
                        rs.getString("subject"), Delivery.Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
                        Sql.instant(rs, "next_attempt_at"), Sql.instant(rs, "first_attempt_at"),
                        Sql.instant(rs, "last_attempt_at"), Sql.integer(rs, "last_status_code"), rs.getString("last_error"),
                        Sql.integer(rs, "last_latency_ms"), Sql.instant(rs, "delivered_at"), Sql.instant(rs, "created_at")));
            }
        }
        return out;
    }
}
