package org.tic.project.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.tic.commons.outbox.OutboxWriter;
import org.tic.commons.revision.RevisionWriter;
import org.tic.project.domain.Project;
import org.tic.project.domain.ReadinessItemKey;
import org.tic.project.domain.Stage;
import org.tic.project.mapping.MilestoneView;
import org.tic.project.mapping.ReadinessItemView;
import org.tic.project.mapping.ReadinessSummaryView;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Writes project events to the outbox in the caller's transaction, one record per payload shape (docs/events.md). Callers flush the
 * project first, so the snapshot carries the version and timestamps of the change.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ProjectEventPublisher {

    /** Record types of the revision history. */
    public static final String PROJECT_RECORD = "project";
    public static final String READINESS_ITEM_RECORD = "readiness-item";

    private final OutboxWriter outbox;
    private final RevisionWriter revisions;

    public ProjectEventPublisher(OutboxWriter outbox, RevisionWriter revisions) {
        this.outbox = outbox;
        this.revisions = revisions;
    }

    /** The revision id of a project's readiness item. */
    public static String readinessItemId(UUID projectId, ReadinessItemKey item) {
        return projectId + ":" + item.name();
    }

    /** A readiness item's new state: its revision (the project's readiness-changed event is published beside it). */
    public void readinessItemChanged(Project p, ReadinessItemView item, String actor) {
        revisions.record(READINESS_ITEM_RECORD, readinessItemId(p.id, item.item()), ProjectEventTypes.READINESS_CHANGED,
                item, null, actor, null);
    }

    /** Created, updated. */
    public record ProjectChanged(ProjectSnapshot project) {
    }

    public record StageChanged(ProjectSnapshot project, Stage from, Stage to, LocalDate date,
                               @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Stage> skipped) {
    }

    public record ReachedFid(ProjectSnapshot project, LocalDate date) {
    }

    public record MilestoneUpdated(ProjectSnapshot project, MilestoneView milestone) {
    }

    public record ReadinessChanged(ProjectSnapshot project, ReadinessSummaryView readiness) {
    }

    public record Cancelled(ProjectSnapshot project, LocalDate date, String reason) {
    }

    public void created(Project p, String actor) {
        record(p, ProjectEventTypes.CREATED, new ProjectChanged(ProjectSnapshot.of(p)), actor);
    }

    public void updated(Project p, String actor) {
        record(p, ProjectEventTypes.UPDATED, new ProjectChanged(ProjectSnapshot.of(p)), actor);
    }

    public void stageChanged(Project p, Stage from, Stage to, LocalDate date, List<Stage> skipped, String actor) {
        record(p, ProjectEventTypes.STAGE_CHANGED, new StageChanged(ProjectSnapshot.of(p), from, to, date, skipped), actor);
    }

    public void reachedFid(Project p, LocalDate date, String actor) {
        record(p, ProjectEventTypes.REACHED_FID, new ReachedFid(ProjectSnapshot.of(p), date), actor);
    }

    public void milestoneUpdated(Project p, MilestoneView milestone, String actor) {
        record(p, ProjectEventTypes.MILESTONE_UPDATED, new MilestoneUpdated(ProjectSnapshot.of(p), milestone), actor);
    }

    public void readinessChanged(Project p, ReadinessSummaryView readiness, String actor) {
        record(p, ProjectEventTypes.READINESS_CHANGED, new ReadinessChanged(ProjectSnapshot.of(p), readiness), actor);
    }

    public void cancelled(Project p, LocalDate date, String reason, String actor) {
        record(p, ProjectEventTypes.CANCELLED, new Cancelled(ProjectSnapshot.of(p), date, reason), reason, actor);
    }

    private void record(Project p, String type, Record data, String actor) {
        record(p, type, data, null, actor);
    }

    /** The event, and the project's revision (the public snapshot; none when only bookkeeping moved). */
    private void record(Project p, String type, Record data, String reason, String actor) {
        outbox.record(ProjectEventTypes.PROJECT, p.id, type, data, actor);
        revisions.record(PROJECT_RECORD, p.id, type, ProjectSnapshot.of(p), p.version, actor, reason);
    }
}
