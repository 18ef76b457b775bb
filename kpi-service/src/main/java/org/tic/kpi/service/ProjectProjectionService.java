package org.tic.kpi.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.tic.commons.event.EventData;
import org.tic.commons.event.IncomingEvent;
import org.tic.kpi.domain.ProjectRecord;
import org.tic.kpi.mapping.ProjectSnapshot;
import org.tic.kpi.repository.ProjectRecordRepository;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;

import static org.tic.kpi.event.ConsumedEventTypes.PROJECT_CANCELLED;
import static org.tic.kpi.event.ConsumedEventTypes.PROJECT_PREFIX;
import static org.tic.kpi.event.ConsumedEventTypes.SUPPORTED_VERSION;

/** Builds the project read model from project.events (every type carries the snapshot; a higher version wins). */
@ApplicationScoped
public class ProjectProjectionService {

    private final ProjectRecordRepository projects;
    private final InitiativeTotalsTracker totals;
    private final Clock clock;

    public ProjectProjectionService(ProjectRecordRepository projects, InitiativeTotalsTracker totals, Clock clock) {
        this.projects = projects;
        this.totals = totals;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(IncomingEvent event) {
        if (!event.type().startsWith(PROJECT_PREFIX) || !event.type().endsWith("." + SUPPORTED_VERSION)) {
            return false;
        }
        JsonNode data = event.data();
        ProjectSnapshot s = ProjectSnapshot.parse(data.get("project"), "data.project");
        ProjectRecord p = projects.findByIdOptional(s.id()).orElse(null);
        if (p != null && s.version() <= p.version) {
            return false; // an older or the same snapshot: the read model already knows better
        }
        LocalDate cancelledOn = null;
        if (ProjectRecord.CANCELLED.equals(s.stage())) {
            LocalDate eventDate = PROJECT_CANCELLED.equals(event.baseType()) ? EventData.date(data, "date", "data") : null;
            cancelledOn = eventDate != null ? eventDate
                    : p != null && p.cancelledOn != null ? p.cancelledOn
                    : s.stageDate() != null ? s.stageDate()
                    : LocalDate.ofInstant(event.time(), ZoneOffset.UTC);
        }
        boolean created = p == null;
        if (created) {
            p = new ProjectRecord();
            p.id = s.id();
        }
        p.name = s.name();
        p.category = s.category();
        p.stage = s.stage();
        p.stageDate = s.stageDate();
        p.fidDate = s.fidDate();
        p.cancelledOn = cancelledOn;
        p.capacityValue = s.capacityValue();
        p.capacityUnit = s.capacityUnit();
        p.co2eValue = s.co2eValue();
        p.co2eUnit = s.co2eUnit();
        p.co2eMetricType = s.co2eMetricType();
        p.leadClusterId = s.leadClusterId();
        p.participatingClusterIds = new ArrayList<>(s.participatingClusterIds());
        p.countries = new ArrayList<>(s.countries());
        p.corridor = s.corridor();
        p.version = s.version();
        p.updatedAt = Instant.now(clock);
        if (created) {
            projects.persist(p);
        }
        totals.changed(event.actor(), true);
        return true;
    }
}
