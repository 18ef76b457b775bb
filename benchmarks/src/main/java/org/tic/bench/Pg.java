package org.tic.bench;

import org.tic.devinfra.database.PostgresServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** JDBC helpers and the pgbench runner (Debian's pgbench over TCP against the benchmark's PostgreSQL). */
final class Pg {

    private final int port;

    Pg(int port) {
        this.port = port;
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), PostgresServer.USER, PostgresServer.PASSWORD);
    }

    void execute(String database, String... statements) {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed on " + database + ": " + e.getMessage(), e);
        }
    }

    long count(String database, String sql) {
        try (Connection c = connect(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed on " + database + ": " + e.getMessage(), e);
        }
    }

    String text(String database, String sql) {
        try (Connection c = connect(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed on " + database + ": " + e.getMessage(), e);
        }
    }

    List<String> column(String database, String sql) {
        List<String> values = new ArrayList<>();
        try (Connection c = connect(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed on " + database + ": " + e.getMessage(), e);
        }
        return values;
    }

    // ---- pgbench ----

    static String pgbenchBinary() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(dir, "pgbench");
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    static String pgbenchVersion() {
        String bin = pgbenchBinary();
        if (bin == null) {
            return null;
        }
        try {
            Process p = new ProcessBuilder(bin, "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor(10, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    record PgbenchResult(double tps, double latencyAvgMs, long transactions, long failed, String command) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("tps", Load.round(tps));
            m.put("latencyAvgMs", Load.round(latencyAvgMs));
            m.put("transactions", transactions);
            m.put("failed", failed);
            m.put("command", command);
            return m;
        }
    }

    /** {@code pgbench -i -s scale} into its own database on the same server (the select-only reference). */
    void pgbenchInit(String database, int scale, Path log) {
        runPgbench(List.of("-i", "-q", "-s", String.valueOf(scale), database), log, 900);
    }

    PgbenchResult pgbench(String database, List<String> options, int clients, int seconds, Path log) {
        List<String> args = new ArrayList<>(options);
        args.addAll(List.of("-c", String.valueOf(clients), "-j", String.valueOf(Math.min(clients, 2)),
                "-T", String.valueOf(seconds), database));
        String out = runPgbench(args, log, seconds + 120);
        double tps = find(out, "tps = ([0-9.]+) \\(without initial connection time\\)");
        if (Double.isNaN(tps)) {
            tps = find(out, "tps = ([0-9.]+)");
        }
        double latency = find(out, "latency average = ([0-9.]+) ms");
        double tx = find(out, "number of transactions actually processed: ([0-9]+)");
        double failed = find(out, "number of failed transactions: ([0-9]+)");
        if (Double.isNaN(tps)) {
            throw new IllegalStateException("pgbench gave no tps; see " + log + ":\n" + out);
        }
        return new PgbenchResult(tps, latency, (long) (Double.isNaN(tx) ? 0 : tx), (long) (Double.isNaN(failed) ? 0 : failed),
                "pgbench " + String.join(" ", args));
    }

    private String runPgbench(List<String> args, Path log, int timeoutSeconds) {
        String bin = pgbenchBinary();
        if (bin == null) {
            throw new IllegalStateException("pgbench is not installed");
        }
        List<String> command = new ArrayList<>(List.of(bin, "-h", "127.0.0.1", "-p", String.valueOf(port), "-U",
                PostgresServer.USER));
        command.addAll(args);
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().put("PGPASSWORD", PostgresServer.PASSWORD);
            Process p = pb.start();
            byte[] bytes = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("pgbench did not finish: " + command);
            }
            String out = new String(bytes, StandardCharsets.UTF_8);
            Files.createDirectories(log.getParent());
            Files.writeString(log, "$ " + String.join(" ", command) + "\n" + out + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            if (p.exitValue() != 0) {
                throw new IllegalStateException("pgbench failed (" + p.exitValue() + "): " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run pgbench", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }
}
