package org.tic.delivery.repository;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** JDBC conversions the repositories share (arrays of ids and names, nullable instants). */
final class Sql {

    private Sql() {
    }

    static Array uuids(Connection c, Collection<UUID> ids) throws SQLException {
        return c.createArrayOf("uuid", ids.toArray());
    }

    static Array strings(Connection c, Collection<String> values) throws SQLException {
        return c.createArrayOf("varchar", values.toArray());
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Set<UUID> uuidSet(ResultSet rs, String column) throws SQLException {
        Array a = rs.getArray(column);
        Set<UUID> out = new LinkedHashSet<>();
        if (a != null) {
            for (Object o : (Object[]) a.getArray()) {
                out.add((UUID) o);
            }
        }
        return out;
    }

    static Set<String> stringSet(ResultSet rs, String column) throws SQLException {
        Array a = rs.getArray(column);
        Set<String> out = new LinkedHashSet<>();
        if (a != null) {
            for (Object o : (Object[]) a.getArray()) {
                out.add((String) o);
            }
        }
        return out;
    }

    static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
