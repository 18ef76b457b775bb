package org.tic.project;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Reads the read model and processed_event directly, and waits for the consumer. */
@ApplicationScoped
public class ReadModelSupport {

    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final EntityManager em;

    public ReadModelSupport(EntityManager em) {
        this.em = em;
    }

    public long processedRows(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from processed_event where consumer = 'project-membership' and event_id = ?1")
                .setParameter(1, eventId).getSingleResult()).longValue());
    }

    public void awaitProcessed(UUID eventId) {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(50)).until(() -> processedRows(eventId) == 1);
    }

    /** Name and version of a cluster row, or null. */
    @SuppressWarnings("unchecked")
    public Object[] cluster(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Object>) em.createNativeQuery(
                        "select name, version, status, successor_id, last_event_id from cluster_snapshot where id = ?1")
                .setParameter(1, id).getResultList()).stream().map(r -> (Object[]) r).findFirst().orElse(null));
    }

    @SuppressWarnings("unchecked")
    public Object[] organization(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Object>) em.createNativeQuery(
                        "select name, version, deleted from organization_snapshot where id = ?1")
                .setParameter(1, id).getResultList()).stream().map(r -> (Object[]) r).findFirst().orElse(null));
    }

    /** Publishes a cluster snapshot and waits until the read model holds it. */
    public UUID cluster(String slug, String name, String country, String status) {
        UUID id = UUID.randomUUID();
        UUID event = MembershipEvents.publish("tic.membership.cluster.registered.v1", id,
                MembershipEvents.wrap("cluster", MembershipEvents.cluster(id, slug, name, country, status, 1)));
        awaitProcessed(event);
        return id;
    }

    /** The same, at a given place. */
    public UUID clusterAt(String name, String country, String status, double latitude, double longitude) {
        UUID id = UUID.randomUUID();
        var snapshot = MembershipEvents.cluster(id, "map-" + id, name, country, status, 1);
        snapshot.putObject("location").put("latitude", latitude).put("longitude", longitude);
        UUID event = MembershipEvents.publish("tic.membership.cluster.registered.v1", id, MembershipEvents.wrap("cluster", snapshot));
        awaitProcessed(event);
        return id;
    }

    public UUID organizationKnown(String name) {
        UUID id = UUID.randomUUID();
        UUID event = MembershipEvents.publish("tic.membership.organization.created.v1", id,
                MembershipEvents.wrap("organization", MembershipEvents.organization(id, name, 1)));
        awaitProcessed(event);
        return id;
    }
}
