package org.tic.kpi.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.tic.commons.event.EventData;
import org.tic.commons.event.IncomingEvent;
import org.tic.kpi.domain.PolicyAdoptionRecord;
import org.tic.kpi.mapping.PolicyAdoptionSnapshot;
import org.tic.kpi.repository.PolicyAdoptionRecordRepository;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;

import static org.tic.kpi.event.ConsumedEventTypes.POLICY_ADOPTED;
import static org.tic.kpi.event.ConsumedEventTypes.POLICY_UPDATED;
import static org.tic.kpi.event.ConsumedEventTypes.SUPPORTED_VERSION;

/**
 * Builds the policy read model from membership.events: the latest snapshot of each adoption (only a higher version
 * replaces it, so a redelivered or late older event changes nothing). Runs inside the idempotent consumer's
 * transaction; a change bumps the roll-ups' data version, so cached summaries show it.
 */
@ApplicationScoped
public class PolicyProjectionService {

    private final PolicyAdoptionRecordRepository policies;
    private final InitiativeTotalsTracker totals;
    private final Clock clock;

    public PolicyProjectionService(PolicyAdoptionRecordRepository policies, InitiativeTotalsTracker totals, Clock clock) {
        this.policies = policies;
        this.totals = totals;
        this.clock = clock;
    }

    /** @return whether the event concerned the policy read model */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(IncomingEvent event) {
        if (!event.type().endsWith("." + SUPPORTED_VERSION)
                || !(POLICY_ADOPTED.equals(event.baseType()) || POLICY_UPDATED.equals(event.baseType()))) {
            return false;
        }
        PolicyAdoptionSnapshot s = PolicyAdoptionSnapshot.parse(EventData.object(event.data(), "policyAdoption", "data"),
                "data.policyAdoption");
        // Locked: adoptions are keyed by their own id, but a rebuild may replay them beside the live consumer.
        PolicyAdoptionRecord p = policies.findByIdOptional(s.id(), LockModeType.PESSIMISTIC_WRITE).orElse(null);
        if (p != null && s.version() <= p.version) {
            return true; // an older or the same snapshot: nothing to change
        }
        LocalDate affectedFrom = p == null || s.adoptedOn().isBefore(p.adoptedOn) ? s.adoptedOn() : p.adoptedOn;
        boolean created = p == null;
        if (created) {
            p = new PolicyAdoptionRecord();
            p.id = s.id();
        }
        p.country = s.country();
        p.kind = s.kind();
        p.title = s.title();
        p.adoptedOn = s.adoptedOn();
        p.clusterIds = new ArrayList<>(s.clusterIds());
        p.projectIds = new ArrayList<>(s.projectIds());
        p.version = s.version();
        p.updatedAt = Instant.now(clock);
        if (created) {
            policies.persist(p);
        }
        // Cached views of dates before either adoption date stay valid; the totals themselves do not move.
        totals.changed(event.actor(), false, affectedFrom);
        return true;
    }
}
