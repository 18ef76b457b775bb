package org.tic.project.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.tic.commons.error.ProblemException;
import org.tic.commons.rest.ETags;
import org.tic.commons.rules.RuleViolation;
import org.tic.project.domain.Milestone;
import org.tic.project.domain.MilestoneDates;
import org.tic.project.domain.MilestoneType;
import org.tic.project.domain.Project;
import org.tic.project.event.ProjectEventPublisher;
import org.tic.project.mapping.MilestoneRequest;
import org.tic.project.mapping.MilestoneView;
import org.tic.project.mapping.ProjectMapper;
import org.tic.project.repository.MilestoneRepository;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Milestones: planned vs actual dates. The FID milestone's actual date is the project's {@code fidDate}; the first
 * time it becomes known, {@code reached-fid} is published.
 */
@ApplicationScoped
@Transactional
public class MilestoneService {

    /** A milestone change and the project version after it (the project's ETag). */
    public record Result(MilestoneView milestone, long projectVersion) {
    }

    private final ProjectService projects;
    private final MilestoneRepository milestones;
    private final ProjectMapper mapper;
    private final ProjectEventPublisher events;
    private final ProjectAccess access;
    private final Clock clock;

    public MilestoneService(ProjectService projects, MilestoneRepository milestones, ProjectMapper mapper,
                            ProjectEventPublisher events, ProjectAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
        this.projects = projects;
        this.milestones = milestones;
        this.mapper = mapper;
        this.events = events;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MilestoneView> list(UUID projectId) {
        projects.get(projectId);
        LocalDate today = Today.utc(clock);
        return milestones.ofProject(projectId).stream().map(m -> mapper.toView(m, today)).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MilestoneView get(UUID projectId, MilestoneType type) {
        projects.get(projectId);
        return milestones.find(projectId, type).map(m -> mapper.toView(m, Today.utc(clock)))
                .orElseThrow(() -> ProblemException.notFound("Milestone", type + " of project " + projectId));
    }

    /**
     * Sets a milestone's dates; both dates null clears it. The secretariat, a coordinator of the lead cluster, or a
     * partner whose organization is one of the project's partners.
     */
    public Result put(UUID projectId, MilestoneType type, String ifMatch, @NotNull @Valid MilestoneRequest request,
                      String actor) {
        Project p = projects.get(projectId);
        access.requireMilestoneRights(p);
        ETags.checkIfMatch(ifMatch, p.version);
        MilestoneDates.check(type, request.actualDate(), p.stage, p.heldStage, Today.latest(clock), "actualDate");
        Milestone m = milestones.find(projectId, type).orElse(null);
        boolean clear = request.plannedDate() == null && request.actualDate() == null;
        boolean created = m == null;
        if (created) {
            if (clear) {
                throw RuleViolation.invalid("plannedDate", "give a planned or an actual date (both null clears an existing milestone)");
            }
            m = ProjectService.newMilestone(projectId, type, actor);
        }
        m.plannedDate = request.plannedDate();
        m.actualDate = request.actualDate();
        m.note = request.note() == null || request.note().isBlank() ? null : request.note().trim();
        m.evidence = mapper.evidence(request.evidence());
        m.updatedBy = actor;
        MilestoneView view = mapper.toView(m, Today.utc(clock));
        if (created) {
            milestones.persist(m);
        } else if (clear) {
            milestones.delete(m);
        }
        boolean fidBecameKnown = false;
        if (type == MilestoneType.FID) {
            fidBecameKnown = p.fidDate == null && m.actualDate != null;
            p.fidDate = clear ? null : m.actualDate;
        }
        p.touch(actor);
        milestones.flush();
        if (!clear) {
            view = mapper.toView(m, Today.utc(clock));
        }
        events.milestoneUpdated(p, view, actor);
        if (fidBecameKnown) {
            events.reachedFid(p, p.fidDate, actor);
        }
        return new Result(view, p.version);
    }
}
