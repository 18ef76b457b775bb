package org.tic.devinfra.demo;

import org.tic.devinfra.client.ApiClient;
import org.tic.devinfra.client.GeneratedClients;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.tic.client.membership.ApiException;
import org.tic.client.membership.api.ClustersApi;
import org.tic.client.membership.api.OrganizationsApi;
import org.tic.client.membership.api.PartiesApi;
import org.tic.client.membership.model.ClusterRequest;
import org.tic.client.membership.model.ClusterType;
import org.tic.client.membership.model.ExistingMembershipRequest;
import org.tic.client.membership.model.Location;
import org.tic.client.membership.model.OrganizationKind;
import org.tic.client.membership.model.OrganizationRequest;
import org.tic.client.membership.model.PartyRequest;
import org.tic.client.membership.model.PartyRole;
import org.tic.client.membership.model.WorldRegion;
import org.tic.client.project.api.ClustersReadModelApi;
import org.tic.client.project.api.ProjectsApi;
import org.tic.client.project.api.StagesApi;
import org.tic.client.project.model.ProjectRequest;
import org.tic.client.project.model.StageTransitionRequest;

/**
 * Loads the demo data (real member clusters from public sources, see demo-data/README.md) through the services'
 * APIs, so every record also produces its events — every call through the clients generated from their contracts
 * (api-client). Runs only on an empty platform.
 */
public final class DemoData {

    private final Path root;
    private final org.tic.client.membership.ApiClient membership;

    /** @param membership where membership-service runs and the tokens to call it with (a secretariat's) */
    public DemoData(Path repositoryRoot, ApiClient membership) {
        this.root = repositoryRoot;
        this.membership = GeneratedClients.membership(membership.baseUrl(), membership.tokens());
    }

    /**
     * Loads the demo projects (project-service/src/main/resources/demo/projects.json, each with its sources) once
     * project-service's read model knows their clusters (it learns them from membership events).
     *
     * @param projects where project-service runs and the tokens to call it with
     * @return number of projects loaded
     */
    public int loadProjects(ApiClient projects) {
        var client = GeneratedClients.project(projects.baseUrl(), projects.tokens());
        // Strict: a field of projects.json that the contract does not know fails the load instead of being dropped.
        ObjectMapper json = client.getObjectMapper().copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        var projectsApi = new ProjectsApi(client);
        var stages = new StagesApi(client);
        var readModel = new ClustersReadModelApi(client);
        int loaded = 0;
        try {
            JsonNode entries = json.readTree(root.resolve("project-service/src/main/resources/demo/projects.json").toFile());
            for (JsonNode entry : entries) {
                ObjectNode body = entry.deepCopy();
                body.remove(List.of("leadClusterSlug", "participatingClusterSlugs", "stageHistory"));
                UUID lead = clusterKnownTo(readModel, entry.path("leadClusterSlug").asText());
                List<UUID> participating = new ArrayList<>();
                for (JsonNode slug : entry.path("participatingClusterSlugs")) {
                    participating.add(clusterKnownTo(readModel, slug.asText()));
                }
                ProjectRequest request = json.treeToValue(body, ProjectRequest.class).leadClusterId(lead)
                        .participatingClusterIds(participating);
                UUID id = projectsApi.createProject(request).getId();
                for (JsonNode move : entry.path("stageHistory")) {
                    stages.createStageTransition(id, json.treeToValue(move, StageTransitionRequest.class), null);
                }
                loaded++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (org.tic.client.project.ApiException e) {
            throw new IllegalStateException("Loading the demo projects: HTTP " + e.getCode() + " " + e.getResponseBody(), e);
        } catch (ApiException e) {
            throw new IllegalStateException("Resolving the demo projects' clusters: HTTP " + e.getCode() + " "
                    + e.getResponseBody(), e);
        }
        return loaded;
    }

    /** The cluster's id, once project-service has it as a signatory in its read model (bounded wait). */
    private UUID clusterKnownTo(ClustersReadModelApi readModel, String slug)
            throws ApiException, org.tic.client.project.ApiException {
        UUID id = new ClustersApi(membership).getCluster(slug).getId();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                if ("SIGNATORY".equals(readModel.getCluster(id).getStatus())) {
                    return id;
                }
            } catch (org.tic.client.project.ApiException e) {
                if (e.getCode() != 404) { // 404: not seen on membership.events yet
                    throw e;
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("project-service did not learn cluster " + slug + " from membership events in 60 s");
    }

    public boolean isEmpty() {
        try {
            return new ClustersApi(membership).listClusters(null, null, null, null, null, null, null, null, 1, null, null, null)
                    .getTotalItems() == 0;
        } catch (ApiException e) {
            throw new IllegalStateException("Listing the clusters: HTTP " + e.getCode() + " " + e.getResponseBody(), e);
        }
    }

    /** @return number of clusters loaded */
    public int loadClusters() {
        List<Map<String, String>> rows = readCsv(root.resolve("demo-data/tic-clusters.csv"));
        Map<String, Map<String, String>> locations = new LinkedHashMap<>();
        for (Map<String, String> l : readCsv(root.resolve("demo-data/cluster-locations.csv"))) {
            locations.put(l.get("name"), l);
        }
        var organizations = new OrganizationsApi(membership);
        var clusters = new ClustersApi(membership);
        var parties = new PartiesApi(membership);
        int loaded = 0;
        try {
            for (Map<String, String> row : rows) {
                ClusterRequest cluster = new ClusterRequest().name(row.get("name")).country(isoCountry(row.get("country")))
                        .worldRegion(WorldRegion.fromValue(region(row.get("region"))))
                        .type(ClusterType.fromValue(clusterType(row.get("cluster_type"))))
                        .sources(Arrays.stream(row.get("source_url").split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList());
                Map<String, String> at = locations.get(row.get("name"));
                if (at != null) { // approximate, city level: for the network map (demo-data/README.md)
                    cluster.location(new Location().latitude(Double.parseDouble(at.get("latitude")))
                            .longitude(Double.parseDouble(at.get("longitude"))));
                }
                List<UUID> coordinators = new ArrayList<>();
                for (String name : row.getOrDefault("coordinator", "").split(";")) {
                    if (!name.isBlank()) {
                        coordinators.add(organizations.createOrganization(new OrganizationRequest().name(name.trim())
                                .kind(OrganizationKind.OTHER)).getId());
                    }
                }
                if (!coordinators.isEmpty()) {
                    cluster.coordinatorOrganizationId(coordinators.get(0));
                }
                UUID id = clusters.registerCluster(cluster).getId();
                for (UUID org : coordinators) {
                    parties.addClusterParty(id, new PartyRequest().organizationId(org).role(PartyRole.COORDINATOR));
                }
                ExistingMembershipRequest membershipRecord = new ExistingMembershipRequest().reason("Member named in public sources");
                String year = row.getOrDefault("joined_year", "").trim();
                if (!year.isEmpty()) {
                    membershipRecord.joinedYear(Integer.parseInt(year));
                }
                clusters.recordExistingMembership(id, membershipRecord, null);
                loaded++;
            }
        } catch (ApiException e) {
            throw new IllegalStateException("Loading the demo clusters: HTTP " + e.getCode() + " " + e.getResponseBody(), e);
        }
        return loaded;
    }

    static String isoCountry(String name) {
        for (String code : Locale.getISOCountries()) {
            if (new Locale("", code).getDisplayCountry(Locale.ENGLISH).equalsIgnoreCase(name.trim())) {
                return code;
            }
        }
        throw new IllegalArgumentException("Unknown country " + name);
    }

    static String region(String region) {
        return switch (region.trim().toLowerCase(Locale.ROOT)) {
            case "europe" -> "EUROPE";
            case "asia-pacific" -> "ASIA_PACIFIC";
            case "north america" -> "NORTH_AMERICA";
            case "latin america", "latin america and the caribbean" -> "LATIN_AMERICA_CARIBBEAN";
            case "middle east" -> "MIDDLE_EAST";
            case "africa" -> "AFRICA";
            default -> throw new IllegalArgumentException("Unknown region " + region);
        };
    }

    /** The source's own description → the nearest platform type. */
    static String clusterType(String description) {
        String d = description.toLowerCase(Locale.ROOT);
        if (d.contains("hydrogen valley")) {
            return "HYDROGEN_VALLEY";
        }
        if (d.contains("special economic zone") || d.contains("development zone") || d.contains("development area")) {
            return "SPECIAL_ECONOMIC_ZONE";
        }
        if (d.contains("eco-industrial") || d.contains("net-zero industrial park")) {
            return "ECO_INDUSTRIAL_PARK";
        }
        if (d.startsWith("port") || d.contains("port-anchored") || d.contains("port-based") || d.contains("port and")) {
            return "PORT";
        }
        if (d.contains("hydrogen hub") || d.contains("energy") || d.contains("green power") || d.contains("hydrogen cluster")) {
            return "ENERGY_HUB";
        }
        if (d.contains("industrial") || d.contains("chemical") || d.contains("cluster") || d.contains("industrial park")) {
            return "INDUSTRIAL_COMPLEX";
        }
        return "OTHER";
    }

    /** RFC 4180 CSV (quoted fields with commas and doubled quotes), first line is the header. */
    static List<Map<String, String>> readCsv(Path file) {
        try {
            List<List<String>> records = parse(Files.readString(file, StandardCharsets.UTF_8));
            List<String> header = records.get(0);
            List<Map<String, String>> rows = new ArrayList<>();
            for (List<String> r : records.subList(1, records.size())) {
                if (r.size() == 1 && r.get(0).isBlank()) {
                    continue;
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), i < r.size() ? r.get(i) : "");
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> current = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                current.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                current.add(field.toString());
                field.setLength(0);
                records.add(current);
                current = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (!field.isEmpty() || !current.isEmpty()) {
            current.add(field.toString());
            records.add(current);
        }
        return records;
    }
}
