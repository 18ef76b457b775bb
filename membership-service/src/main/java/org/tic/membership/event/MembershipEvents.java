package org.tic.membership.event;

import jakarta.enterprise.context.ApplicationScoped;
import org.tic.commons.outbox.OutboxWriter;
import org.tic.membership.domain.Cluster;
import org.tic.membership.mapping.ClusterMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds this service's event data (snapshots per docs/events.md) and hands it to the outbox. */
@ApplicationScoped
public class MembershipEvents {

    private final OutboxWriter outbox;
    private final ClusterMapper clusters;

    public MembershipEvents(OutboxWriter outbox, ClusterMapper clusters) {
        this.outbox = outbox;
        this.clusters = clusters;
    }

    /** A cluster event: {@code {"cluster": snapshot, ...extra}}; call after flush so the version is current. */
    public void cluster(String type, Cluster cluster, Map<String, ?> extra, String actor) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("cluster", clusters.toView(cluster));
        if (extra != null) {
            extra.forEach((k, v) -> {
                if (v != null) {
                    data.put(k, v);
                }
            });
        }
        outbox.record(MembershipEventTypes.CLUSTER, cluster.id, type, data, actor);
    }

    public void record(String aggregateType, Object aggregateId, String type, Object data, String actor) {
        outbox.record(aggregateType, aggregateId, type, data, actor);
    }
}
