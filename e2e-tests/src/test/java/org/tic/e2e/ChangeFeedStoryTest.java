package org.tic.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tic.client.delivery.api.ChangeFeedApi;
import org.tic.client.delivery.model.Change;
import org.tic.client.delivery.model.ChangePage;
import org.tic.client.membership.api.ClustersApi;
import org.tic.client.membership.model.ClusterRequest;
import org.tic.client.membership.model.ClusterType;
import org.tic.client.membership.model.ExistingMembershipRequest;
import org.tic.client.membership.model.WorldRegion;
import org.tic.client.project.api.ProjectsApi;
import org.tic.client.project.model.ProjectCategory;
import org.tic.client.project.model.ProjectRequest;
import org.tic.devinfra.client.GeneratedClients;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A partner without Kafka follows a cluster through delivery-service's change feed: writes made on membership- and
 * project-service come out in order, filtered to the cluster, once. (Who may read which change is covered in
 * delivery-service's own tests.) Every call goes through the clients generated from the services' contracts.
 */
@ExtendWith(PlatformExtension.class)
@Order(2) // after the story, whose totals count every signatory on the shared platform
class ChangeFeedStoryTest {

    private static final Supplier<String> SECRETARIAT = PlatformExtension.secretariat();

    private static String url(String service) {
        return PlatformExtension.platform().service(service).baseUrl();
    }

    private static List<String> types(ChangePage page) {
        return page.getItems().stream().map(Change::getType).toList();
    }

    @Test
    void aPartnerFollowsAClusterFromRegistrationToItsFirstProject() throws Exception {
        ClustersApi clusters = new ClustersApi(GeneratedClients.membership(url("membership-service"), SECRETARIAT));
        ProjectsApi projects = new ProjectsApi(GeneratedClients.project(url("project-service"), SECRETARIAT));
        var feedClient = GeneratedClients.delivery(url("delivery-service"), () -> null); // a partner without a token
        ChangeFeedApi partnerFeed = new ChangeFeedApi(feedClient);
        String start = partnerFeed.latestChangeCursor().getCursor();

        UUID cluster = clusters.registerCluster(new ClusterRequest().name("Feed Story Port").country("DK")
                .worldRegion(WorldRegion.EUROPE).type(ClusterType.PORT).sectors(List.of("hydrogen"))).getId();
        clusters.recordExistingMembership(cluster, new ExistingMembershipRequest().joinedYear(2022)
                .reason("Member named in public sources"), null);
        ProjectRequest project = new ProjectRequest().name("Feed Story Hydrogen Hub")
                .category(ProjectCategory.HYDROGEN_AND_DERIVATIVES).leadClusterId(cluster);
        // project-service accepts the lead once membership.events told it the cluster is a signatory (422 until then)
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .ignoreExceptionsMatching(e -> e instanceof org.tic.client.project.ApiException a && a.getCode() == 422)
                .until(() -> projects.createProjectWithHttpInfo(project).getStatusCode() == 201);

        List<String> ofCluster = List.of(cluster.toString());
        ChangePage seen = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> partnerFeed.listChanges(start, ofCluster, null, null, null, null),
                        p -> types(p).contains("tic.project.project.created.v1"));
        assertEquals(List.of("tic.membership.cluster.registered.v1", "tic.membership.cluster.joined.v1",
                "tic.project.project.created.v1"), types(seen), "the cluster's changes, in order, each once");
        assertEquals(List.of("tic.project.project.created.v1"),
                types(partnerFeed.listChanges(start, ofCluster, null, null, List.of("tic.project.*"), null)));
        // an event's data is per event type (the AsyncAPI documents), free-form in the feed's OpenAPI contract
        JsonNode data = feedClient.getObjectMapper().valueToTree(seen.getItems().get(0).getData());
        assertEquals(cluster.toString(), data.path("cluster").path("id").asText());

        // resuming from the last cursor gives nothing new: each change is listed once
        ChangePage after = partnerFeed.listChanges(seen.getNext(), ofCluster, null, null, null, null);
        assertEquals(0, after.getItems().size());
    }
}
