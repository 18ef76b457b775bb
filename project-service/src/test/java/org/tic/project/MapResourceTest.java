package org.tic.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tic.project.Api.given;

/** GET /api/v1/map: the clusters of the read model and the corridors as GeoJSON. */
@QuarkusTest
class MapResourceTest {

    @Inject
    ReadModelSupport readModel;

    @Test
    void clustersArePointsAndCorridorsAreLinesBetweenThem() throws Exception {
        UUID rotterdam = readModel.clusterAt("Map Port NL", "NL", "SIGNATORY", 51.95, 4.14);
        UUID algeciras = readModel.clusterAt("Map Valley ES", "ES", "SIGNATORY", 36.13, -5.45);
        UUID gone = readModel.clusterAt("Map Withdrawn FR", "FR", "WITHDRAWN", 48.0, 2.0);
        String corridor = Fixtures.create(Fixtures.project("Map corridor " + UUID.randomUUID(), rotterdam, algeciras));

        JsonNode map = read(given().get("/api/v1/map").then().statusCode(200)
                .contentType("application/geo+json").extract().asString());
        assertEquals("FeatureCollection", map.path("type").asText());
        JsonNode point = feature(map, rotterdam.toString());
        assertEquals("Point", point.path("geometry").path("type").asText());
        assertEquals(List.of(4.14, 51.95), coordinates(point.path("geometry").path("coordinates")));
        assertEquals("SIGNATORY", point.path("properties").path("status").asText());
        assertEquals("cluster", point.path("properties").path("kind").asText());

        JsonNode line = feature(map, corridor);
        assertEquals("LineString", line.path("geometry").path("type").asText());
        assertEquals(List.of(4.14, 51.95), coordinates(line.path("geometry").path("coordinates").get(0)));
        assertEquals(List.of(-5.45, 36.13), coordinates(line.path("geometry").path("coordinates").get(1)));
        assertEquals(algeciras.toString(), line.path("properties").path("destinationClusterId").asText());
        assertTrue(feature(map, gone.toString()).isMissingNode(), "withdrawn clusters are not on the default map");

        JsonNode withdrawn = read(given().queryParam("status", "WITHDRAWN").get("/api/v1/map").then().statusCode(200)
                .extract().asString());
        assertFalse(feature(withdrawn, gone.toString()).isMissingNode());
        assertTrue(feature(withdrawn, rotterdam.toString()).isMissingNode());

        given().queryParam("status", "BOGUS").get("/api/v1/map").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void theMapIsDocumentedAsGeoJson() throws Exception {
        JsonNode api = read(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        JsonNode ok = api.path("paths").path("/api/v1/map").path("get").path("responses").path("200");
        assertTrue(ok.path("content").has("application/geo+json"), ok.toString());
    }

    private static JsonNode feature(JsonNode map, String id) {
        for (JsonNode f : map.path("features")) {
            if (id.equals(f.path("id").asText())) {
                return f;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static List<Double> coordinates(JsonNode position) {
        return List.of(position.get(0).asDouble(), position.get(1).asDouble());
    }

    private static JsonNode read(String body) throws Exception {
        return new ObjectMapper().readTree(body);
    }
}
