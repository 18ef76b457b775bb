package org.tic.delivery.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.tic.delivery.domain.Subscription;
import org.tic.delivery.domain.Viewer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code subscription} table; updates check the version (optimistic locking). */
@ApplicationScoped
public class SubscriptionRepository {

    private static final String COLUMNS = "id, url, description, types, base_types, cluster_ids, project_ids, reader_secretariat, "
            + "reader_clusters, reader_subject, organization_id, owner_subject, secret, previous_secret, previous_secret_until, "
            + "status, disabled_reason, disabled_at, failing_since, feed_position, created_at, updated_at, version";

    private final AgroalDataSource dataSource;

    public SubscriptionRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void insert(Subscription s) {
        run("insert into subscription (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (c, ps) -> {
                    bind(c, ps, s);
                    ps.executeUpdate();
                    return null;
                });
    }

    /** @return false when the stored version is not {@code s.version() - 1} (someone else changed it) */
    public boolean update(Subscription s) {
        return run("update subscription set (" + COLUMNS + ") = (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "where id = ? and version = ?", (c, ps) -> {
            bind(c, ps, s);
            ps.setObject(24, s.id());
            ps.setLong(25, s.version() - 1);
            return ps.executeUpdate() == 1;
        });
    }

    public boolean delete(UUID id) {
        return run("delete from subscription where id = ?", (c, ps) -> {
            ps.setObject(1, id);
            return ps.executeUpdate() == 1;
        });
    }

    public Optional<Subscription> find(UUID id) {
        return run("select " + COLUMNS + " from subscription where id = ?", (c, ps) -> {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        });
    }

    /** Every subscription (ownerSubject null) or those of one owner, newest first. */
    public List<Subscription> list(String ownerSubject, int limit) {
        String where = ownerSubject == null ? "" : " where owner_subject = ?";
        return run("select " + COLUMNS + " from subscription" + where + " order by created_at desc limit ?", (c, ps) -> {
            int i = 1;
            if (ownerSubject != null) {
                ps.setString(i++, ownerSubject);
            }
            ps.setInt(i, limit);
            return readAll(ps);
        });
    }

    public List<Subscription> active() {
        return run("select " + COLUMNS + " from subscription where status = 'ACTIVE'", (c, ps) -> readAll(ps));
    }

    /** Moves the feed position forward only (two replicas fanning out at once cannot move it back). */
    public void advance(Connection c, UUID id, long position) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "update subscription set feed_position = greatest(feed_position, ?) where id = ?")) {
            ps.setLong(1, position);
            ps.setObject(2, id);
            ps.executeUpdate();
        }
    }

    /** The first failure of a streak (kept while it goes on), or null again after a success. */
    public void markFailing(UUID id, Instant since) {
        run("update subscription set failing_since = coalesce(failing_since, ?) where id = ?", (c, ps) -> {
            ps.setTimestamp(1, Sql.ts(since));
            ps.setObject(2, id);
            return ps.executeUpdate();
        });
    }

    public void markHealthy(UUID id) {
        run("update subscription set failing_since = null where id = ? and failing_since is not null", (c, ps) -> {
            ps.setObject(1, id);
            return ps.executeUpdate();
        });
    }

    /** Disables an active subscription whose failures began before {@code failingBefore}; @return whether it did. */
    public boolean disableIfFailingSince(UUID id, Instant failingBefore, Instant now, String reason) {
        return run("update subscription set status = 'DISABLED', disabled_at = ?, disabled_reason = ?, updated_at = ?, "
                + "version = version + 1 where id = ? and status = 'ACTIVE' and failing_since <= ?", (c, ps) -> {
            ps.setTimestamp(1, Sql.ts(now));
            ps.setString(2, reason.length() > 1000 ? reason.substring(0, 1000) : reason);
            ps.setTimestamp(3, Sql.ts(now));
            ps.setObject(4, id);
            ps.setTimestamp(5, Sql.ts(failingBefore));
            return ps.executeUpdate() == 1;
        });
    }

    private static void bind(Connection c, PreparedStatement ps, Subscription s) throws SQLException {
        ps.setObject(1, s.id());
        ps.setString(2, s.url());
        ps.setString(3, s.description());
        ps.setArray(4, Sql.strings(c, s.types()));
        ps.setArray(5, Sql.strings(c, s.baseTypes()));
        ps.setArray(6, Sql.uuids(c, s.clusters()));
        ps.setArray(7, Sql.uuids(c, s.projects()));
        ps.setBoolean(8, s.reader().secretariat());
        ps.setArray(9, Sql.uuids(c, s.reader().clusters()));
        ps.setString(10, s.reader().subject());
        ps.setObject(11, s.organizationId());
        ps.setString(12, s.ownerSubject());
        ps.setString(13, s.secret());
        ps.setString(14, s.previousSecret());
        ps.setTimestamp(15, Sql.ts(s.previousSecretUntil()));
        ps.setString(16, s.status().name());
        ps.setString(17, s.disabledReason());
        ps.setTimestamp(18, Sql.ts(s.disabledAt()));
        ps.setTimestamp(19, Sql.ts(s.failingSince()));
        ps.setLong(20, s.feedPosition());
        ps.setTimestamp(21, Sql.ts(s.createdAt()));
        ps.setTimestamp(22, Sql.ts(s.updatedAt()));
        ps.setLong(23, s.version());
    }

    private static List<Subscription> readAll(PreparedStatement ps) throws SQLException {
        List<Subscription> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(read(rs));
            }
        }
        return out;
    }

    private static Subscription read(ResultSet rs) throws SQLException {
        return new Subscription(rs.getObject("id", UUID.class), rs.getString("url"), rs.getString("description"),
                Sql.stringSet(rs, "types"), Sql.stringSet(rs, "base_types"), Sql.uuidSet(rs, "cluster_ids"),
                Sql.uuidSet(rs, "project_ids"),
                new Viewer(rs.getBoolean("reader_secretariat"), Sql.uuidSet(rs, "reader_clusters"), rs.getString("reader_subject")),
                rs.getObject("organization_id", UUID.class), rs.getString("owner_subject"), rs.getString("secret"),
                rs.getString("previous_secret"), Sql.instant(rs, "previous_secret_until"),
                Subscription.Status.valueOf(rs.getString("status")), rs.getString("disabled_reason"),
                Sql.instant(rs, "disabled_at"), Sql.instant(rs, "failing_since"), rs.getLong("feed_position"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), rs.getLong("version"));
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c, PreparedStatement ps) throws SQLException;
    }

    private <T> T run(String sql, Work<T> work) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            return work.run(c, ps);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot access the subscriptions", e);
        }
    }
}
