package org.tic.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tic.devinfra.ApiClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A partner without Kafka follows a cluster through delivery-service's change feed: writes made on membership- and
 * project-service come out in order, filtered to the cluster, once. (Who may read which change is covered in
 * delivery-service's own tests.)
 */
@ExtendWith(PlatformExtension.class)
@Order(2) // after the story, whose totals count every signatory on the shared platform
class ChangeFeedStoryTest {

    private static final Supplier<String> SECRETARIAT = PlatformExtension.secretariat();

    private static List<String> types(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.path("items").forEach(i -> out.add(i.path("type").asText()));
        return out;
    }

    @Test
    void aPartnerFollowsAClusterFromRegistrationToItsFirstProject() {
        ApiClient membership = PlatformExtension.client("membership-service", SECRETARIAT);
        ApiClient projects = PlatformExtension.client("project-service", SECRETARIAT);
        ApiClient partnerFeed = PlatformExtension.client("delivery-service", (String) null);
        String start = partnerFeed.get("/api/v1/changes/latest").ok().path("cursor").asText();

        String cluster = membership.post("/api/v1/clusters", Map.of("name", "Feed Story Port", "country", "DK",
                "worldRegion", "EUROPE", "type", "PORT", "sectors", List.of("hydrogen"))).ok().path("id").asText();
        membership.post("/api/v1/clusters/" + cluster + "/existing-membership", Map.of("joinedYear", 2022,
                "reason", "Member named in public sources")).ok();
        Map<String, Object> project = Map.of("name", "Feed Story Hydrogen Hub", "category", "HYDROGEN_AND_DERIVATIVES",
                "leadClusterId", cluster);
        // project-service accepts the lead once membership.events told it the cluster is a signatory
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> projects.post("/api/v1/projects", project).status() == 201);

        String query = "/api/v1/changes?after=" + start + "&clusters=" + cluster;
        JsonNode seen = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> partnerFeed.get(query).ok(), p -> types(p).contains("tic.project.project.created.v1"));
        assertEquals(List.of("tic.membership.cluster.registered.v1", "tic.membership.cluster.joined.v1",
                "tic.project.project.created.v1"), types(seen), "the cluster's changes, in order, each once");
        assertEquals(List.of("tic.project.project.created.v1"),
                types(partnerFeed.get(query + "&types=tic.project.*").ok()));
        assertEquals(cluster, seen.path("items").get(0).path("data").path("cluster").path("id").asText());

        // resuming from the last cursor gives nothing new: each change is listed once
        JsonNode after = partnerFeed.get("/api/v1/changes?after=" + seen.path("next").asText() + "&clusters=" + cluster).ok();
        assertEquals(0, after.path("items").size());
    }
}
