package org.tic.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Offline shapes of the custom resources that have no Java model on Maven Central (CloudNativePG, its Barman
 * Cloud plugin, the Prometheus Operator), written from their API references: the fields allowed at the
 * levels we use, the required ones and their JSON types. Coarser than a full OpenAPI schema, but a
 * misspelt or misplaced field at those levels fails here instead of at apply time.
 */
final class CrdShapes {

    private record Shape(Map<String, Set<String>> allowed, Map<String, String> required) {
    }

    private static final Map<String, Shape> SHAPES = new LinkedHashMap<>();

    static {
        shape("postgresql.cnpg.io/v1 Cluster",
                Map.of("spec.instances", "int", "spec.storage.size", "string"),
                Map.of("", keys("apiVersion kind metadata spec"),
                        "spec", keys("description inheritedMetadata imageName imageCatalogRef imagePullPolicy "
                                + "schedulerName postgresUID postgresGID instances minSyncReplicas maxSyncReplicas "
                                + "postgresql replicationSlots bootstrap replica superuserSecret enableSuperuserAccess "
                                + "certificates imagePullSecrets storage serviceAccountTemplate walStorage "
                                + "ephemeralVolumeSource startDelay stopDelay smartShutdownTimeout switchoverDelay "
                                + "failoverDelay livenessProbeTimeout affinity topologySpreadConstraints resources "
                                + "ephemeralVolumesSizeLimit priorityClassName primaryUpdateStrategy "
                                + "primaryUpdateMethod backup nodeMaintenanceWindow monitoring externalClusters "
                                + "logLevel projectedVolumeTemplate env envFrom managed seccompProfile tablespaces "
                                + "enablePDB plugins probes podSecurityContext securityContext"),
                        "spec.postgresql", keys("parameters synchronous pg_hba pg_ident epas "
                                + "syncReplicaElectionConstraint shared_preload_libraries ldap promotionTimeout "
                                + "enableAlterSystem extensions"),
                        "spec.postgresql.synchronous", keys("method number standbyNamesPre standbyNamesPost "
                                + "maxStandbyNamesFromCluster dataDurability failoverQuorum"),
                        "spec.storage", keys("storageClass size resizeInUseVolumes pvcTemplate"),
                        "spec.walStorage", keys("storageClass size resizeInUseVolumes pvcTemplate"),
                        "spec.affinity", keys("enablePodAntiAffinity topologyKey nodeSelector nodeAffinity "
                                + "tolerations podAntiAffinityType additionalPodAntiAffinity additionalPodAffinity"),
                        "spec.managed", keys("roles services"),
                        "spec.managed.roles[]", keys("name comment ensure passwordSecret connectionLimit validUntil "
                                + "inRoles inherit disablePassword superuser createdb createrole login replication "
                                + "bypassrls"),
                        "spec.plugins[]", keys("name enabled isWALArchiver parameters")));
        shape("postgresql.cnpg.io/v1 Database",
                Map.of("spec.cluster.name", "string", "spec.name", "string", "spec.owner", "string"),
                Map.of("", keys("apiVersion kind metadata spec"),
                        "spec", keys("cluster ensure name owner template encoding locale localeProvider lcCollate "
                                + "lcCtype icuLocale icuRules builtinLocale collationVersion isTemplate "
                                + "allowConnections connectionLimit tablespace databaseReclaimPolicy schemas "
                                + "extensions fdws servers")));
        shape("postgresql.cnpg.io/v1 ScheduledBackup",
                Map.of("spec.schedule", "string", "spec.cluster.name", "string"),
                Map.of("", keys("apiVersion kind metadata spec"),
                        "spec", keys("suspend immediate schedule cluster backupOwnerReference target method "
                                + "pluginConfiguration online onlineConfiguration"),
                        "spec.pluginConfiguration", keys("name parameters")));
        shape("barmancloud.cnpg.io/v1 ObjectStore",
                Map.of("spec.configuration.destinationPath", "string"),
                Map.of("", keys("apiVersion kind metadata spec"),
                        "spec", keys("configuration retentionPolicy instanceSidecarConfiguration"),
                        "spec.configuration", keys("destinationPath endpointURL endpointCA serverName s3Credentials "
                                + "azureCredentials googleCredentials wal data tags historyTags"),
                        "spec.configuration.s3Credentials", keys("accessKeyId secretAccessKey region sessionToken "
                                + "inheritFromIAMRole"),
                        "spec.configuration.wal", keys("compression encryption maxParallel archiveAdditionalCommandArgs "
                                + "restoreAdditionalCommandArgs"),
                        "spec.configuration.data", keys("compression encryption immediateCheckpoint jobs "
                                + "additionalCommandArgs")));
        shape("monitoring.coreos.com/v1 ServiceMonitor",
                Map.of("spec.selector", "object", "spec.endpoints", "array"),
                Map.of("", keys("apiVersion kind metadata spec"),
                        "spec", keys("jobLabel targetLabels podTargetLabels endpoints selector selectorMechanism "
                                + "namespaceSelector sampleLimit scrapeProtocols fallbackScrapeProtocol targetLimit "
                                + "labelLimit labelNameLengthLimit labelValueLengthLimit nativeHistogramBucketLimit "
                                + "nativeHistogramMinBucketFactor convertClassicHistogramsToNHCB "
                                + "scrapeClassicHistograms keepDroppedTargets attachMetadata scrapeClass "
                                + "bodySizeLimit serviceDiscoveryRole"),
                        "spec.endpoints[]", keys("port targetPort path scheme params interval scrapeTimeout tlsConfig "
                                + "bearerTokenFile bearerTokenSecret authorization honorLabels honorTimestamps "
                                + "trackTimestampsStaleness basicAuth oauth2 metricRelabelings relabelings proxyUrl "
                                + "followRedirects enableHttp2 filterRunning noProxy proxyFromEnvironment "
                                + "proxyConnectHeader")));
        shape("monitoring.coreos.com/v1 PrometheusRule",
                Map.of("spec.groups", "array"),
                Map.of("", keys("apiVersion kind metadata spec"),
                        "spec", keys("groups"),
                        "spec.groups[]", keys("name labels interval query_offset limit rules partial_response_strategy"),
                        "spec.groups[].rules[]", keys("record alert expr for keep_firing_for labels annotations")));
    }

    private CrdShapes() {
    }

    private static Set<String> keys(String spaceSeparated) {
        return new TreeSet<>(List.of(spaceSeparated.split(" ")));
    }

    private static void shape(String key, Map<String, String> required, Map<String, Set<String>> allowed) {
        SHAPES.put(key, new Shape(allowed, required));
    }

    static Set<String> kinds() {
        return SHAPES.keySet();
    }

    static List<Violation> check(Manifest m) {
        Shape shape = SHAPES.get(m.apiVersion() + " " + m.kind());
        List<Violation> violations = new ArrayList<>();
        shape.allowed().forEach((path, allowed) -> {
            for (Located node : find(m.tree(), path)) {
                if (!node.node().isObject()) {
                    violations.add(new Violation("schema", m.id(), node.path() + " must be an object"));
                    continue;
                }
                node.node().fieldNames().forEachRemaining(f -> {
                    if (!allowed.contains(f)) {
                        violations.add(new Violation("schema", m.id(), "unknown field " + join(node.path(), f)
                                + " (allowed: " + allowed + ")"));
                    }
                });
            }
        });
        shape.required().forEach((path, type) -> {
            List<Located> found = find(m.tree(), path);
            if (found.isEmpty() || found.get(0).node().isNull()) {
                violations.add(new Violation("schema", m.id(), "required field " + path + " is missing"));
                return;
            }
            JsonNode n = found.get(0).node();
            boolean ok = switch (type) {
                case "int" -> n.isIntegralNumber();
                case "string" -> n.isTextual() && !n.asText().isBlank();
                case "object" -> n.isObject();
                case "array" -> n.isArray() && !n.isEmpty();
                default -> true;
            };
            if (!ok) {
                violations.add(new Violation("schema", m.id(), path + " must be a non-empty " + type));
            }
        });
        return violations;
    }

    private record Located(String path, JsonNode node) {
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /** Nodes at a dotted path; "x[]" walks into every element of the array x. */
    private static List<Located> find(JsonNode root, String path) {
        List<Located> current = new ArrayList<>(List.of(new Located("", root)));
        if (path.isEmpty()) {
            return current;
        }
        for (String segment : path.split("\\.")) {
            boolean each = segment.endsWith("[]");
            String field = each ? segment.substring(0, segment.length() - 2) : segment;
            List<Located> next = new ArrayList<>();
            for (Located l : current) {
                JsonNode child = l.node().get(field);
                if (child == null) {
                    continue;
                }
                String childPath = join(l.path(), field);
                if (each) {
                    for (int i = 0; i < child.size(); i++) {
                        next.add(new Located(childPath + "[" + i + "]", child.get(i)));
                    }
                } else {
                    next.add(new Located(childPath, child));
                }
            }
            current = next;
        }
        return current;
    }
}
