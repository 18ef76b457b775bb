package org.tic.project;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.tic.project.Api.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tic.project.Fixtures.post;

/**
 * The demo projects load through the API the way the local-run launcher loads them (slugs resolved to cluster ids,
 * then the stage history posted move by move), and every entry cites its sources.
 */
@QuarkusTest
class DemoDataTest {

    /** The demo clusters as membership-service registers them from demo-data/tic-clusters.csv (slug from the name). */
    private static final Map<String, String[]> CLUSTERS = Map.of(
            "hynet-north-west", new String[]{"HyNet North West", "GB"},
            "andalusian-green-hydrogen-valley", new String[]{"Andalusian Green Hydrogen Valley", "ES"},
            "kakinada-cluster", new String[]{"Kakinada Cluster", "IN"},
            "rotterdam-port-of-rotterdam", new String[]{"Rotterdam (Port of Rotterdam)", "NL"});

    @Inject
    ReadModelSupport readModel;

    @Test
    void theDemoProjectsLoadThroughTheApiWithTheirSources() throws Exception {
        List<Map<String, Object>> entries;
        try (InputStream in = getClass().getResourceAsStream("/demo/projects.json")) {
            entries = new ObjectMapper().readValue(in, new TypeReference<>() {
            });
        }
        assertFalse(entries.isEmpty());
        Map<String, UUID> ids = new HashMap<>();
        CLUSTERS.forEach((slug, c) -> ids.put(slug, readModel.cluster(slug, c[0], c[1], "SIGNATORY")));

        Map<String, String> created = new LinkedHashMap<>();
        for (Map<String, Object> entry : entries) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> sources = (List<Map<String, Object>>) entry.get("sources");
            assertTrue(sources != null && !sources.isEmpty(), entry.get("name") + " cites sources");
            sources.forEach(s -> assertTrue(String.valueOf(s.get("url")).matches("https?://\\S+"), "source URL " + s));

            Map<String, Object> body = new LinkedHashMap<>(entry);
            body.remove("leadClusterSlug");
            body.remove("participatingClusterSlugs");
            body.remove("stageHistory");
            body.put("leadClusterId", ids.get((String) entry.get("leadClusterSlug")).toString());
            List<String> participating = new ArrayList<>();
            for (Object slug : (List<?>) entry.getOrDefault("participatingClusterSlugs", List.of())) {
                participating.add(ids.get((String) slug).toString());
            }
            body.put("participatingClusterIds", participating);
            String id = post("/api/v1/projects", body).statusCode(201).extract().path("id");
            created.put((String) entry.get("name"), id);
            for (Object move : (List<?>) entry.getOrDefault("stageHistory", List.of())) {
                post("/api/v1/projects/" + id + "/stage-transitions", move).statusCode(201);
            }
        }

        given().get("/api/v1/projects/" + created.get("Liverpool Bay CCS")).then().statusCode(200)
                .body("stage", equalTo("FID")).body("fidDate", equalTo("2025-04-24"))
                .body("capacity.value", equalTo(4.5f)).body("capacity.unit", equalTo("MT_CO2_PER_YEAR"))
                .body("leadCluster.slug", equalTo("hynet-north-west"))
                .body("partners[0].name", equalTo("Eni"));
        given().get("/api/v1/projects/" + created.get("Liverpool Bay CCS") + "/milestones").then()
                .body("type", contains("FID", "FINANCIAL_CLOSE"));
        given().get("/api/v1/projects/" + created.get("Andalusian Green Hydrogen Valley")).then()
                .body("capacity.value", equalTo(2)).body("capacity.unit", equalTo("GW")).body("corridor", equalTo(false));
        given().get("/api/v1/corridors?size=200&cluster=" + ids.get("rotterdam-port-of-rotterdam")).then().statusCode(200)
                .body("items.name", hasItems("Algeciras - Rotterdam green hydrogen corridor", "Kakinada - Rotterdam green fuels corridor"))
                .body("items.find { it.name.startsWith('Algeciras') }.origin.slug", equalTo("andalusian-green-hydrogen-valley"))
                .body("items.find { it.name.startsWith('Algeciras') }.destination.slug", equalTo("rotterdam-port-of-rotterdam"))
                .body("items.find { it.name.startsWith('Kakinada') }.countries", contains("IN", "NL"));
    }
}
