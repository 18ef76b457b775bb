package org.tic.kpi.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.tic.commons.event.EventData;
import org.tic.commons.event.IncomingEvent;
import org.tic.commons.event.PoisonEventException;
import org.tic.kpi.domain.ClusterRecord;
import org.tic.kpi.domain.StatusTimeline;
import org.tic.kpi.mapping.ClusterSnapshot;
import org.tic.kpi.repository.ClusterRecordRepository;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.UUID;

import static org.tic.kpi.event.ConsumedEventTypes.CLUSTERS_MERGED;
import static org.tic.kpi.event.ConsumedEventTypes.CLUSTER_JOINED;
import static org.tic.kpi.event.ConsumedEventTypes.CLUSTER_REGISTERED;
import static org.tic.kpi.event.ConsumedEventTypes.CLUSTER_REINSTATED;
import static org.tic.kpi.event.ConsumedEventTypes.CLUSTER_SUSPENDED;
import static org.tic.kpi.event.ConsumedEventTypes.CLUSTER_UPDATED;
import static org.tic.kpi.event.ConsumedEventTypes.CLUSTER_WITHDRAWN;
import static org.tic.kpi.event.ConsumedEventTypes.PARTY_ADDED;
import static org.tic.kpi.event.ConsumedEventTypes.PARTY_REMOVED;
import static org.tic.kpi.event.ConsumedEventTypes.SUPPORTED_VERSION;

/**
 * Builds the cluster read model from membership.events: the latest snapshot (only a higher version replaces
 * it), the status history rebuilt from every snapshot seen ({@link StatusTimeline}) and the merge lineage.
 * Runs inside the idempotent consumer's transaction.
 */
@ApplicationScoped
public class ClusterProjectionService {

    private final ClusterRecordRepository clusters;
    private final InitiativeTotalsTracker totals;
    private final Clock clock;

    public ClusterProjectionService(ClusterRecordRepository clusters, InitiativeTotalsTracker totals, Clock clock) {
        this.clusters = clusters;
        this.totals = totals;
        this.clock = clock;
    }

    /** @return whether the event concerned the cluster read model */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(IncomingEvent event) {
        if (!event.type().endsWith("." + SUPPORTED_VERSION)) {
            return false; // a newer data shape is published alongside v1 until we move; v1 is the one we apply
        }
        JsonNode data = event.data();
        LocalDate observed = LocalDate.ofInstant(event.time(), ZoneOffset.UTC);
        switch (event.baseType()) {
            case CLUSTER_REGISTERED, CLUSTER_UPDATED, CLUSTER_JOINED, PARTY_ADDED, PARTY_REMOVED ->
                    snapshot(ClusterSnapshot.parse(data.get("cluster"), "data.cluster"), null, observed, event);
            case CLUSTER_SUSPENDED, CLUSTER_REINSTATED, CLUSTER_WITHDRAWN ->
                    snapshot(ClusterSnapshot.parse(data.get("cluster"), "data.cluster"),
                            EventData.date(data, "effectiveDate", "data"), observed, event);
            case CLUSTERS_MERGED -> merged(data, observed, event);
            default -> {
                return false; // organizations, applications, policies: not needed for KPIs
            }
        }
        totals.changed(event.actor(), true);
        return true;
    }

    private void merged(JsonNode data, LocalDate observed, IncomingEvent event) {
        LocalDate effective = EventData.date(data, "effectiveDate", "data");
        if (effective == null) {
            throw new PoisonEventException("data.effectiveDate is missing in " + event.type());
        }
        UUID mergeId = EventData.uuid(data, "mergeId", "data", true);
        ClusterSnapshot successor = ClusterSnapshot.parse(data.get("successor"), "data.successor");
        JsonNode predecessors = data.get("predecessors");
        if (predecessors == null || !predecessors.isArray() || predecessors.isEmpty()) {
            throw new PoisonEventException("data.predecessors is missing or empty in " + event.type());
        }
        var parsed = new ArrayList<ClusterSnapshot>();
        for (int i = 0; i < predecessors.size(); i++) {
            parsed.add(ClusterSnapshot.parse(predecessors.get(i), "data.predecessors[" + i + "]"));
        }
        // The successor is (or, if new, becomes) a signatory from the merge date; the predecessors stop counting then.
        snapshot(successor, effective, observed, event);
        for (ClusterSnapshot p : parsed) {
            snapshot(p, effective, observed, event);
            if (!p.id().equals(successor.id())) {
                clusters.recordMerge(mergeId, p.id(), successor.id(), effective);
            }
        }
    }

    private void snapshot(ClusterSnapshot s, LocalDate explicitDate, LocalDate observed, IncomingEvent event) {
        // Locked: a merge event (keyed by its successor) may touch this cluster from another partition's consumer,
        // and the periods below are updated from what is stored, so two writers must not interleave.
        ClusterRecord c = clusters.findByIdOptional(s.id(), LockModeType.PESSIMISTIC_WRITE).orElse(null);
        if (c == null) {
            c = new ClusterRecord();
            c.id = s.id();
            copy(s, c);
            clusters.persist(c);
        } else if (s.version() > c.version) {
            copy(s, c);
        }
        StatusTimeline.Fact fact = new StatusTimeline.Fact(s.version(), s.status(), explicitDate, s.joinedDate(),
                s.joinedYear(), observed);
        boolean newest = fact.version() > clusters.lastFactVersion(s.id());
        clusters.recordFact(s.id(), fact, event.type());
        if (newest) {
            // The usual case: one step on the stored tail, not a rebuild from every fact the cluster ever had
            // (that made each event O(history): the lag grew with the cluster's age).
            var tail = clusters.periodTail(s.id(), StatusTimeline.affectedFrom(fact));
            clusters.replaceTail(s.id(), tail, StatusTimeline.next(tail.periods(), fact));
        } else {
            // An older version arriving late (or seen again in a merge): the history is rebuilt from all facts.
            clusters.replacePeriods(s.id(), StatusTimeline.build(clusters.facts(s.id())));
        }
    }

    private void copy(ClusterSnapshot s, ClusterRecord c) {
        c.slug = s.slug();
        c.name = s.name();
        c.country = s.country();
        c.subnationalRegion = s.subnationalRegion();
        c.worldRegion = s.worldRegion();
        c.type = s.type();
        c.sectors = new ArrayList<>(s.sectors());
        c.status = s.status();
        c.joinedDate = s.joinedDate();
        c.joinedYear = s.joinedYear();
        c.successorId = s.successorId();
        c.version = s.version();
        c.updatedAt = Instant.now(clock);
    }
}
