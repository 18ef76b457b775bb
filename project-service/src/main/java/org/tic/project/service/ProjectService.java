package org.tic.project.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.tic.commons.error.ProblemException;
import org.tic.commons.rest.ETags;
import org.tic.commons.rest.PageRequest;
import org.tic.commons.rules.FieldViolation;
import org.tic.commons.rules.RuleViolation;
import org.tic.project.domain.ClusterSnapshot;
import org.tic.project.domain.Corridors;
import org.tic.project.domain.Milestone;
import org.tic.project.domain.MilestoneDates;
import org.tic.project.domain.MilestoneType;
import org.tic.project.domain.OrganizationSnapshot;
import org.tic.project.domain.Partner;
import org.tic.project.domain.Project;
import org.tic.project.domain.Readiness;
import org.tic.project.domain.ReadinessItem;
import org.tic.project.domain.ReadinessItemKey;
import org.tic.project.domain.ReadinessStatus;
import org.tic.project.domain.Stage;
import org.tic.project.domain.StageRules;
import org.tic.project.domain.StageTransition;
import org.tic.project.event.ProjectEventPublisher;
import org.tic.project.mapping.ClusterRefView;
import org.tic.project.mapping.CorridorView;
import org.tic.project.mapping.MilestoneInput;
import org.tic.project.mapping.PartnerDto;
import org.tic.project.mapping.ProjectMapper;
import org.tic.project.mapping.ProjectRequest;
import org.tic.project.mapping.ProjectView;
import org.tic.project.mapping.ReadinessSummaryView;
import org.tic.project.repository.MilestoneRepository;
import org.tic.project.repository.ProjectRepository;
import org.tic.project.repository.ReadinessItemRepository;
import org.tic.project.repository.StageTransitionRepository;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Projects: registration, replacement, reading, lists and corridors. */
@ApplicationScoped
@Transactional
public class ProjectService {

    private final ProjectRepository projects;
    private final StageTransitionRepository transitions;
    private final MilestoneRepository milestones;
    private final ReadinessItemRepository readinessItems;
    private final ClusterDirectory directory;
    private final ProjectMapper mapper;
    private final ProjectEventPublisher events;
    private final ProjectAccess access;
    private final Clock clock;

    public ProjectService(ProjectRepository projects, StageTransitionRepository transitions, MilestoneRepository milestones,
                          ReadinessItemRepository readinessItems, ClusterDirectory directory, ProjectMapper mapper,
                          ProjectEventPublisher events, ProjectAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
        this.projects = projects;
        this.transitions = transitions;
        this.milestones = milestones;
        this.readinessItems = readinessItems;
        this.directory = directory;
        this.mapper = mapper;
        this.events = events;
    }

    /** Registers a project: the secretariat, or a coordinator of the lead cluster the request names. */
    public Project create(@NotNull @Valid ProjectRequest request, String actor) {
        access.requireMayCreate(request.leadClusterId());
        checkShape(request);
        Stage stage = request.stage() == null ? Stage.CONCEPT : request.stage();
        StageRules.checkInitial(stage, request.stageDate(), Today.latest(clock));

        Project p = new Project();
        p.id = UUID.randomUUID();
        mapper.apply(request, p);
        Map<UUID, ClusterSnapshot> clusters = directory.checkReferences(p.leadClusterId, p.participatingClusterIds,
                null, Set.of());
        p.partners = partners(request.partners());
        checkNameFree(p.leadClusterId, p.name, null);
        layout(p, clusters, request);
        p.stage = stage;
        p.stageDate = request.stageDate();
        p.createdBy = actor;
        p.updatedBy = actor;

        List<Milestone> initial = initialMilestones(p, request.milestones(), actor);
        Milestone fid = initial.stream().filter(m -> m.type == MilestoneType.FID).findFirst().orElse(null);
        if (stage == Stage.FID && p.stageDate != null && (fid == null || fid.actualDate == null)) {
            // registered at FID since a known date: that date is the FID
            if (fid == null) {
                fid = newMilestone(p.id, MilestoneType.FID, actor);
                initial.add(fid);
            }
            fid.actualDate = p.stageDate;
        }
        p.fidDate = fid == null ? null : fid.actualDate;

        projects.persist(p);
        StageTransition registration = new StageTransition();
        registration.id = UUID.randomUUID();
        registration.projectId = p.id;
        registration.sequence = 1;
        registration.toStage = stage;
        registration.date = p.stageDate;
        registration.note = "Registered at " + stage;
        registration.recordedAt = clock.instant();
        registration.recordedBy = actor;
        transitions.persist(registration);
        initial.forEach(milestones::persist);
        projects.flush(); // version and timestamps are set now, so the events carry them

        events.created(p, actor);
        LocalDate today = Today.utc(clock);
        initial.stream().sorted((a, b) -> a.type.compareTo(b.type))
                .forEach(m -> events.milestoneUpdated(p, mapper.toView(m, today), actor));
        if (p.fidDate != null) {
            events.reachedFid(p, p.fidDate, actor);
        }
        return p;
    }

    /**
     * Replaces the description: the secretariat, or a coordinator of the lead cluster as stored (not as the body
     * says); a new lead must be a cluster the caller coordinates as well.
     */
    public Project replace(UUID id, String ifMatch, @NotNull @Valid ProjectRequest request, String actor) {
        Project p = get(id);
        access.requireLeadRights(p);
        access.requireMayHandOver(p, request.leadClusterId());
        ETags.checkIfMatch(ifMatch, p.version);
        checkShape(request);
        if (request.stage() != null && request.stage() != p.stage) {
            throw RuleViolation.invalid("stage", "stage changes go through POST /api/v1/projects/" + id + "/stage-transitions");
        }
        if (request.stageDate() != null && !request.stageDate().equals(p.stageDate)) {
            throw RuleViolation.invalid("stageDate", "stage dates are recorded by POST /api/v1/projects/" + id + "/stage-transitions");
        }
        if (request.milestones() != null) {
            throw RuleViolation.invalid("milestones", "milestones are changed through /api/v1/projects/" + id + "/milestones");
        }
        // Every query runs before the entity changes: an auto-flush in between would bump the version twice.
        List<UUID> participating = request.participatingClusterIds() == null ? List.of() : request.participatingClusterIds();
        Map<UUID, ClusterSnapshot> clusters = directory.checkReferences(request.leadClusterId(), participating,
                p.leadClusterId, new HashSet<>(p.clusterIds()));
        List<Partner> partners = partners(request.partners());
        checkNameFree(request.leadClusterId(), request.name(), p.id);
        mapper.apply(request, p);
        p.partners = partners;
        layout(p, clusters, request);
        p.touch(actor);
        projects.flush();
        events.updated(p, actor);
        return p;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Project get(UUID id) {
        return projects.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Project", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ProjectRepository.Page list(ProjectRepository.Filter filter, Sort sort, PageRequest page) {
        return projects.search(filter, sort, page);
    }

    /**
     * Views of projects with their clusters and readiness, loaded in two queries for the whole page; financial fields
     * only where the caller may see them ({@link ProjectAccess#financialsVisible}).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ProjectView> views(List<Project> page) {
        Set<UUID> clusterIds = page.stream().flatMap(p -> p.clusterIds().stream()).collect(Collectors.toSet());
        Map<UUID, ClusterRefView> refs = directory.refs(clusterIds);
        var financials = access.financialsVisible(refs);
        Map<UUID, Map<ReadinessItemKey, ReadinessStatus>> statuses = new HashMap<>();
        for (ReadinessItem item : readinessItems.ofProjects(page.stream().map(p -> p.id).toList())) {
            statuses.computeIfAbsent(item.projectId, k -> new HashMap<>()).put(item.item, item.status);
        }
        return page.stream().map(p -> mapper.toView(p, refs::get,
                mapper.toView(Readiness.summarise(statuses.getOrDefault(p.id, Map.of()))), financials.test(p))).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ProjectView view(Project p) {
        return views(List.of(p)).get(0);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CorridorView> corridorViews(List<Project> page) {
        Set<UUID> ids = page.stream().flatMap(p -> p.clusterIds().stream()).collect(Collectors.toSet());
        Map<UUID, ClusterRefView> refs = directory.refs(ids);
        return page.stream().map(p -> mapper.toCorridor(p, refs)).toList();
    }

    /** Summary of a project's checklist (used by the stage rules and the readiness resource). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ReadinessSummaryView readinessOf(UUID projectId) {
        Map<ReadinessItemKey, ReadinessStatus> statuses = new HashMap<>();
        readinessItems.ofProject(projectId).forEach(i -> statuses.put(i.item, i.status));
        return mapper.toView(Readiness.summarise(statuses));
    }

    /** Cross-field checks Bean Validation cannot express; field paths as the client sent them. */
    private static void checkShape(ProjectRequest r) {
        List<FieldViolation> violations = new ArrayList<>();
        List<UUID> participating = r.participatingClusterIds() == null ? List.of() : r.participatingClusterIds();
        if (participating.contains(r.leadClusterId())) {
            violations.add(new FieldViolation("participatingClusterIds", "must not contain the lead cluster"));
        }
        if (new LinkedHashSet<>(participating).size() != participating.size()) {
            violations.add(new FieldViolation("participatingClusterIds", "must not contain duplicates"));
        }
        if (r.partners() != null) {
            for (int i = 0; i < r.partners().size(); i++) {
                PartnerDto d = r.partners().get(i);
                if (d.organizationId() == null && (d.name() == null || d.name().isBlank())) {
                    violations.add(new FieldViolation("partners[" + i + "].name", "is required when organizationId is absent"));
                }
            }
        }
        if (r.funding() != null && r.funding().securedAmount() != null && r.funding().currency() == null) {
            violations.add(new FieldViolation("funding.currency", "is required with securedAmount"));
        }
        if (r.funding() != null && r.funding().sources() != null) {
            for (int i = 0; i < r.funding().sources().size(); i++) {
                var s = r.funding().sources().get(i);
                if (s.amount() != null && s.currency() == null) {
                    violations.add(new FieldViolation("funding.sources[" + i + "].currency", "is required with amount"));
                }
            }
        }
        if (r.milestones() != null) {
            Set<MilestoneType> seen = new HashSet<>();
            for (int i = 0; i < r.milestones().size(); i++) {
                if (!seen.add(r.milestones().get(i).type())) {
                    violations.add(new FieldViolation("milestones[" + i + "].type", "appears more than once"));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw RuleViolation.invalid(violations);
        }
    }

    private List<Partner> partners(List<PartnerDto> dtos) {
        if (dtos == null) {
            return new ArrayList<>();
        }
        Map<UUID, OrganizationSnapshot> orgs = directory.checkOrganizations(
                dtos.stream().map(PartnerDto::organizationId).filter(Objects::nonNull).toList());
        return new ArrayList<>(dtos.stream().map(d -> ProjectMapper.partner(d,
                d.organizationId() == null ? null : orgs.get(d.organizationId()).name)).toList());
    }

    private void checkNameFree(UUID lead, String name, UUID self) {
        projects.findByLeadAndName(lead, name, self).ifPresent(other -> {
            throw new RuleViolation(RuleViolation.Kind.CONFLICT, "conflict", "Conflict",
                    "The lead cluster already has a project named '" + other.name + "' (" + other.id + ")", null,
                    Map.of("projectId", other.id.toString()));
        });
    }

    private static void layout(Project p, Map<UUID, ClusterSnapshot> clusters, ProjectRequest request) {
        List<Corridors.Place> places = p.clusterIds().stream()
                .map(id -> new Corridors.Place(id, clusters.get(id) == null ? null : clusters.get(id).country)).toList();
        Corridors.Layout layout = Corridors.layout(places, request.originClusterId(), request.destinationClusterId(),
                request.corridorCommodity(), request.corridorTransportMode());
        p.corridorCommodity = request.corridorCommodity();
        p.corridorTransportMode = request.corridorTransportMode();
        p.countries = new ArrayList<>(layout.countries());
        p.corridor = layout.corridor();
        p.originClusterId = layout.originClusterId();
        p.destinationClusterId = layout.destinationClusterId();
    }

    private List<Milestone> initialMilestones(Project p, List<MilestoneInput> inputs, String actor) {
        List<Milestone> out = new ArrayList<>();
        if (inputs == null) {
            return out;
        }
        LocalDate today = Today.latest(clock);
        for (int i = 0; i < inputs.size(); i++) {
            MilestoneInput in = inputs.get(i);
            MilestoneDates.check(in.type(), in.actualDate(), p.stage, p.heldStage, today, "milestones[" + i + "]");
            Milestone m = newMilestone(p.id, in.type(), actor);
            m.plannedDate = in.plannedDate();
            m.actualDate = in.actualDate();
            m.note = in.note() == null || in.note().isBlank() ? null : in.note().trim();
            m.evidence = mapper.evidence(in.evidence());
            out.add(m);
        }
        return out;
    }

    static Milestone newMilestone(UUID projectId, MilestoneType type, String actor) {
        Milestone m = new Milestone();
        m.id = UUID.randomUUID();
        m.projectId = projectId;
        m.type = type;
        m.createdBy = actor;
        m.updatedBy = actor;
        return m;
    }
}
