package org.tic.project.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.tic.commons.rest.ETags;
import org.tic.commons.rest.PageRequest;
import org.tic.project.domain.Milestone;
import org.tic.project.domain.MilestoneType;
import org.tic.project.domain.Project;
import org.tic.project.domain.Stage;
import org.tic.project.domain.StageRules;
import org.tic.project.domain.StageTransition;
import org.tic.project.event.ProjectEventPublisher;
import org.tic.project.mapping.ProjectMapper;
import org.tic.project.mapping.StageTransitionRequest;
import org.tic.project.mapping.StageTransitionView;
import org.tic.project.repository.MilestoneRepository;
import org.tic.project.repository.StageTransitionRepository;

import java.time.Clock;
import java.util.ArrayList;
import java.util.UUID;

/** Stage moves (checked by {@link StageRules}) and the dated history. */
@ApplicationScoped
@Transactional
public class StageService {

    public record Result(StageTransitionView transition, long projectVersion) {
    }

    private final ProjectService projects;
    private final StageTransitionRepository transitions;
    private final MilestoneRepository milestones;
    private final ProjectMapper mapper;
    private final ProjectEventPublisher events;
    private final ProjectAccess access;
    private final Clock clock;

    public StageService(ProjectService projects, StageTransitionRepository transitions, MilestoneRepository milestones,
                        ProjectMapper mapper, ProjectEventPublisher events, ProjectAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
        this.projects = projects;
        this.transitions = transitions;
        this.milestones = milestones;
        this.mapper = mapper;
        this.events = events;
    }

    /** A stage move: the secretariat, or a coordinator of the project's lead cluster. */
    public Result transition(UUID projectId, String ifMatch, @NotNull @Valid StageTransitionRequest r, String actor) {
        Project p = projects.get(projectId);
        access.requireLeadRights(p);
        ETags.checkIfMatch(ifMatch, p.version);
        boolean readinessComplete = projects.readinessOf(projectId).complete();
        StageRules.Move move = StageRules.check(
                new StageRules.Current(p.stage, p.heldStage, transitions.lastDate(projectId)),
                new StageRules.Request(r.to(), r.date(), r.note(), r.skipReason(), Boolean.TRUE.equals(r.override()),
                        r.overrideReason(), readinessComplete),
                Today.latest(clock));

        StageTransition t = new StageTransition();
        t.id = UUID.randomUUID();
        t.projectId = projectId;
        t.sequence = transitions.lastSequence(projectId) + 1;
        t.fromStage = move.from();
        t.toStage = move.to();
        t.date = r.date();
        t.note = trim(r.note());
        t.evidence = mapper.evidence(r.evidence());
        t.skipped = new ArrayList<>(move.skipped().stream().map(Stage::name).toList());
        t.skipReason = move.skipped().isEmpty() ? null : trim(r.skipReason());
        t.readinessOverride = move.readinessOverride();
        t.overrideReason = move.readinessOverride() ? trim(r.overrideReason()) : null;
        t.recordedAt = clock.instant();
        t.recordedBy = actor;
        transitions.persist(t);

        // Queries first: an auto-flush after the project changed would bump its version twice.
        Milestone fidMilestone = move.to() == Stage.FID ? milestones.find(projectId, MilestoneType.FID).orElse(null) : null;
        p.stage = move.to();
        p.stageDate = r.date();
        p.heldStage = move.heldStage();
        boolean fidBecameKnown = false;
        if (move.to() == Stage.FID) {
            // the decision is the FID milestone's actual date unless one was recorded before
            if (fidMilestone == null) {
                fidMilestone = ProjectService.newMilestone(projectId, MilestoneType.FID, actor);
                fidMilestone.actualDate = r.date();
                fidMilestone.note = t.note;
                fidMilestone.evidence = new ArrayList<>(t.evidence);
                milestones.persist(fidMilestone);
            } else if (fidMilestone.actualDate == null) {
                fidMilestone.actualDate = r.date();
                fidMilestone.updatedBy = actor;
            } else {
                fidMilestone = null; // already known: nothing changes
            }
            if (fidMilestone != null) {
                fidBecameKnown = p.fidDate == null;
                p.fidDate = fidMilestone.actualDate;
            }
        }
        p.touch(actor);
        transitions.flush();

        events.stageChanged(p, move.from(), move.to(), r.date(), move.skipped(), actor);
        if (fidMilestone != null) {
            events.milestoneUpdated(p, mapper.toView(fidMilestone, Today.utc(clock)), actor);
        }
        if (fidBecameKnown) {
            events.reachedFid(p, p.fidDate, actor);
        }
        if (move.to() == Stage.CANCELLED) {
            events.cancelled(p, r.date(), t.note, actor);
        }
        return new Result(mapper.toView(t), p.version);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public StageTransitionRepository.Page history(UUID projectId, PageRequest page) {
        projects.get(projectId);
        return transitions.history(projectId, page);
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
