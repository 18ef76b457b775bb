package org.tic.kpi;

import org.tic.devinfra.launcher.Infrastructure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

/** Direct SQL for test setup and checks (the service's own database "kpi" on the test PostgreSQL). */
public final class Db {

    private Db() {
    }

    private static Connection connect() throws Exception {
        Map<String, String> cfg = Infrastructure.shared().serviceConfig("kpi");
        return DriverManager.getConnection(cfg.get("quarkus.datasource.jdbc.url"), cfg.get("quarkus.datasource.username"),
                cfg.get("quarkus.datasource.password"));
    }

    public static long count(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row, as text. */
    public static String text(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every row of a query, its columns joined by " | " (null as "null"), in the query's order. */
    public static java.util.List<String> rows(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            java.util.List<String> rows = new java.util.ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    b.append(i > 1 ? " | " : "").append(rs.getString(i));
                }
                rows.add(b.toString());
            }
            return rows;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void execute(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Empties the read models and reports, for tests that assert initiative-wide totals (all test classes share
     * one database). Event bookkeeping (processed_event, outbox) stays: ids never repeat across tests.
     */
    public static void reset() {
        execute("""
                truncate kpi_current, kpi_report, kpi_import_row, kpi_import, cluster_record, cluster_status_fact,
                         cluster_status_period, cluster_merge, project_record, policy_adoption_record;
                update initiative_totals set fingerprint = '', totals = '{}', data_version = data_version + 1 where id = 1""");
    }
}
