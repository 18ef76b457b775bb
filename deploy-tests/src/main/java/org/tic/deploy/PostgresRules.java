package org.tic.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import org.tic.deploy.PolicyRules.Jdbc;
import org.tic.deploy.PolicyRules.ThirdParty;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.tic.deploy.Overlay.app;
import static org.tic.deploy.PolicyRules.THIRD_PARTY;

/**
 * With CloudNativePG resources: instances, scheduled backups and WAL archiving, a Database per service owned by a
 * managed role, the services pointed at the primary with that role's password (rule postgresql).
 */
final class PostgresRules extends OverlayCheck {

    PostgresRules(Overlay overlay) {
        super(overlay);
    }

    void check() {
        List<Manifest> clusters = of("Cluster").stream().filter(c -> c.group().equals("postgresql.cnpg.io")).toList();
        if (clusters.isEmpty()) {
            return;
        }
        Map<String, String> roleSecrets = new HashMap<>();
        for (Manifest c : clusters) {
            int instances = c.spec().path("instances").asInt(1);
            if (production && instances < 3) {
                add("postgresql", c, "production needs 3 instances (has " + instances + ")");
            }
            boolean backup = of("ScheduledBackup").stream()
                    .anyMatch(b -> b.spec().path("cluster").path("name").asText().equals(c.name()));
            if (!backup) {
                add("postgresql", c, "no ScheduledBackup backs it up");
            }
            boolean archived = c.spec().has("backup") || c.spec().path("plugins").findValues("isWALArchiver")
                    .stream().anyMatch(JsonNode::asBoolean);
            if (!archived) {
                add("postgresql", c, "no WAL archiving (spec.backup or a plugin with isWALArchiver): no point-in-time recovery");
            }
            for (JsonNode plugin : c.spec().path("plugins")) {
                String store = plugin.path("parameters").path("barmanObjectName").asText(null);
                if (store != null && named("ObjectStore", store).isEmpty()) {
                    add("postgresql", c, "plugin " + plugin.path("name").asText() + " names ObjectStore " + store + ", not in the manifests");
                }
            }
            for (JsonNode role : c.spec().path("managed").path("roles")) {
                roleSecrets.put(role.path("name").asText(), role.path("passwordSecret").path("name").asText(""));
            }
        }
        Map<String, Manifest> databases = new HashMap<>();
        for (Manifest db : of("Database")) {
            databases.put(db.spec().path("name").asText(), db);
            String owner = db.spec().path("owner").asText();
            if (!roleSecrets.containsKey(owner)) {
                add("postgresql", db, "owner " + owner + " is not a managed role of the Cluster");
            }
            String cluster = db.spec().path("cluster").path("name").asText();
            if (clusters.stream().noneMatch(c -> c.name().equals(cluster))) {
                add("postgresql", db, "cluster " + cluster + " is not in the manifests");
            }
        }
        for (Manifest d : of("Deployment")) {
            Optional<DatabaseUse> use = databaseUse(d);
            if (use.isEmpty()) {
                continue;
            }
            Manifest db = databases.get(use.get().database());
            if (db == null) {
                add("postgresql", d, "no Database resource creates '" + use.get().database() + "'");
                continue;
            }
            String owner = db.spec().path("owner").asText();
            for (JsonNode c : d.spec().path("template").path("spec").path("containers")) {
                Map<String, String> env = environment(c);
                String host = Jdbc.host(env.getOrDefault(use.get().urlVariable(), ""));
                String cluster = db.spec().path("cluster").path("name").asText();
                if (!host.equals(cluster + "-rw") && !host.startsWith(cluster + "-rw.")) {
                    add("postgresql", d, "connects to " + host + ", not to the primary Service " + cluster + "-rw");
                }
                String secret = null;
                for (JsonNode e : c.path("env")) {
                    if (e.path("name").asText().equals(use.get().passwordVariable())) {
                        secret = e.path("valueFrom").path("secretKeyRef").path("name").asText(null);
                    }
                }
                if (secret == null || !secret.equals(roleSecrets.get(owner))) {
                    add("postgresql", d, use.get().passwordVariable() + " must come from " + roleSecrets.get(owner)
                            + ", the password Secret of role " + owner + " (is " + secret + ")");
                }
            }
        }
    }

    /** Which database a Deployment uses and through which environment variables (none: empty). */
    private record DatabaseUse(String database, String urlVariable, String passwordVariable) {
    }

    private Optional<DatabaseUse> databaseUse(Manifest d) {
        String app = app(d);
        Optional<ServiceConfig> sc = ServiceConfig.load(repoRoot, app);
        if (sc.isPresent()) {
            return sc.get().database() == null ? Optional.empty()
                    : Optional.of(new DatabaseUse(sc.get().database(), "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_PASSWORD"));
        }
        ThirdParty third = THIRD_PARTY.get(app);
        return third == null || third.database() == null ? Optional.empty()
                : Optional.of(new DatabaseUse(third.database(), third.jdbcUrlVariable(), third.passwordVariable()));
    }
}
