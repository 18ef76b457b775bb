package org.tic.kpi.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.tic.commons.error.ProblemException;
import org.tic.commons.rest.ETags;
import org.tic.commons.rest.PageRequest;
import org.tic.commons.rules.RuleViolation;
import org.tic.commons.rules.FieldViolation;
import org.tic.kpi.domain.KpiReport;
import org.tic.kpi.domain.KpiReportDraft;
import org.tic.kpi.domain.KpiReportRules;
import org.tic.kpi.domain.SubjectType;
import org.tic.kpi.domain.ValueSelector;
import org.tic.kpi.event.KpiEventPublisher;
import org.tic.kpi.mapping.KpiReportMapper;
import org.tic.kpi.repository.ClusterRecordRepository;
import org.tic.kpi.repository.CurrentValueRepository;
import org.tic.kpi.repository.KpiReportRepository;
import org.tic.kpi.repository.ProjectRecordRepository;
import org.tic.kpi.repository.ReportFilter;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * KPI reports and their corrections. Every write, in one transaction: the new version, the maintained
 * current-value row of its subject and bucket, the outbox event, and (unless part of an import) the
 * initiative totals check.
 */
@ApplicationScoped
@Transactional
public class KpiReportService {

    public static final Map<String, String> SORTABLE = Map.of("reportedOn", "reportedOn", "periodEnd", "periodEnd",
            "periodStart", "periodStart", "recordedAt", "recordedAt", "metric", "metric", "revision", "revision",
            "confidence", "confidence");

    private final KpiReportRepository reports;
    private final CurrentValueRepository current;
    private final ClusterRecordRepository clusters;
    private final ProjectRecordRepository projects;
    private final KpiReportMapper mapper;
    private final KpiEventPublisher events;
    private final InitiativeTotalsTracker totals;
    private final Clock clock;
    private final KpiAccess access;

    public KpiReportService(KpiReportRepository reports, CurrentValueRepository current, ClusterRecordRepository clusters,
                            ProjectRecordRepository projects, KpiReportMapper mapper, KpiEventPublisher events,
                            InitiativeTotalsTracker totals, Clock clock, KpiAccess access) {
        this.access = access;
        this.reports = reports;
        this.current = current;
        this.clusters = clusters;
        this.projects = projects;
        this.mapper = mapper;
        this.events = events;
        this.totals = totals;
        this.clock = clock;
    }

    /** A value reported through the API: the secretariat, or a coordinator of its subject (see {@link KpiAccess}). */
    public KpiReport report(KpiReportDraft draft, String actor) {
        access.requireMayReport(draft);
        KpiReportDraft d = accept(draft);
        return create(d, null, actor, true);
    }

    private KpiReport create(KpiReportDraft d, UUID importId, String actor, boolean announceTotals) {
        KpiReport r = new KpiReport();
        r.id = UUID.randomUUID();
        r.seriesId = r.id;
        r.revision = 1;
        r.currentVersion = true;
        mapper.apply(d, r);
        r.importId = importId;
        r.recordedAt = now();
        r.recordedBy = actor;
        reports.persist(r);
        reports.flush();
        refreshCurrent(r.subjectType, r.subjectId, r.bucketKey);
        events.reported(r, actor);
        totals.changed(actor, announceTotals, r.reportedOn); // import rows: the import checks the totals once, when it completes
        return r;
    }

    /**
     * Supersedes the current version of the value {@code id} belongs to. If-Match, when sent, must name the
     * current revision; correcting an id that is no longer current without If-Match is refused (409), since
     * the caller has not seen the version it would replace. Authorised against the stored report's subject (and
     * the body's, when it names another).
     */
    public KpiReport correct(UUID id, String ifMatch, KpiReportDraft draft, String reason, String actor) {
        // Lock the series before loading any version: a concurrent correction then waits for the winner's commit and
        // answers 412 (stale If-Match) or 409 (superseded) from the fresh state, never a unique-key failure.
        reports.lockSeries(reports.seriesOf(id).orElseThrow(() -> ProblemException.notFound("Report", id)));
        KpiReport target = find(id);
        KpiReport head = target.currentVersion ? target
                : reports.head(target.seriesId).orElseThrow(() -> new IllegalStateException("Series " + target.seriesId + " has no current version"));
        access.requireMayCorrect(head, draft);
        if (!target.currentVersion && (ifMatch == null || ifMatch.isBlank())) {
            throw RuleViolation.conflict("Report " + id + " was superseded by " + head.id + " (revision " + head.revision
                    + "); read the current version and correct that one (send If-Match)");
        }
        ETags.checkIfMatch(ifMatch, head.revision);
        if (reason == null || reason.isBlank()) {
            throw RuleViolation.invalid("reason", "must not be blank: say why the value changed");
        }
        if (reason.length() > 1000) {
            throw RuleViolation.invalid("reason", "must be at most 1000 characters");
        }
        KpiReportDraft d = accept(draft);
        if (d.reportedOn().isBefore(head.reportedOn)) {
            throw RuleViolation.invalid("report.reportedOn", "a correction cannot take effect before the version it "
                    + "corrects (reported on " + head.reportedOn + ")");
        }
        KpiReport next = new KpiReport();
        next.id = UUID.randomUUID();
        next.seriesId = head.seriesId;
        next.revision = head.revision + 1;
        next.supersedesId = head.id;
        next.currentVersion = true;
        mapper.apply(d, next);
        next.correctionReason = reason.trim();
        next.recordedAt = now();
        next.recordedBy = actor;
        next.importId = null;
        head.currentVersion = false;
        head.supersededById = next.id;
        head.validTo = next.reportedOn;
        reports.persist(next);
        reports.flush(); // a concurrent correction of the same head fails here (version check, unique supersedes_id)
        refreshCurrent(head.subjectType, head.subjectId, head.bucketKey);
        if (!head.bucketKey.equals(next.bucketKey) || !head.subjectId.equals(next.subjectId)) {
            refreshCurrent(next.subjectType, next.subjectId, next.bucketKey);
        }
        events.superseded(next, head.id, actor);
        totals.changed(actor, true, next.reportedOn); // the old version still stands before that date
        return next;
    }

    /** Microseconds, as PostgreSQL stores them: the in-memory and the stored version must compare alike. */
    private Instant now() {
        return Instant.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** Default reportedOn, the rules, and a subject this service knows: throws a problem when not acceptable. */
    public KpiReportDraft accept(KpiReportDraft draft) {
        if (draft == null) {
            throw ProblemException.badRequest("A report body is required");
        }
        KpiReportDraft d = draft.reportedOn() == null ? draft.withReportedOn(LocalDate.now(clock)) : draft;
        List<FieldViolation> errors = check(d);
        if (!errors.isEmpty()) {
            throw RuleViolation.invalid(errors);
        }
        return d;
    }

    /** Every broken rule of a draft (with its reportedOn already defaulted), including an unknown subject. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FieldViolation> check(KpiReportDraft d) {
        return check(d, LocalDate.now(clock), id -> clusters.findByIdOptional(id).isPresent(),
                id -> projects.findByIdOptional(id).isPresent());
    }

    /**
     * The same rules with the subject lookups given (an import resolves a whole chunk's subjects in one query).
     */
    public static List<FieldViolation> check(KpiReportDraft d, LocalDate today, Predicate<UUID> clusterKnown,
                                         Predicate<UUID> projectKnown) {
        List<FieldViolation> errors = new ArrayList<>(KpiReportRules.validate(d, today));
        if (errors.stream().noneMatch(e -> e.field().equals("clusterId") || e.field().equals("projectId"))) {
            if (d.clusterId() != null && !clusterKnown.test(d.clusterId())) {
                errors.add(new FieldViolation("clusterId", "no cluster " + d.clusterId() + " is known to kpi-service (it learns "
                        + "clusters from membership events, which may lag a moment behind)"));
            }
            if (d.projectId() != null && !projectKnown.test(d.projectId())) {
                errors.add(new FieldViolation("projectId", "no project " + d.projectId() + " is known to kpi-service (it learns "
                        + "projects from project events, which may lag a moment behind)"));
            }
        }
        return errors;
    }

    /** Rewrites the current-value row of one subject and bucket from its current versions. */
    private void refreshCurrent(SubjectType type, UUID subjectId, String bucketKey) {
        current.lock(type, subjectId, bucketKey);
        reports.bestCurrent(type, subjectId, bucketKey)
                .ifPresentOrElse(current::put, () -> current.remove(type, subjectId, bucketKey));
    }

    /** The current version of the value {@code id} belongs to, or the version that stood on {@code asOf}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public KpiReport get(UUID id, LocalDate asOf) {
        KpiReport r = find(id);
        if (asOf == null) {
            return r.currentVersion ? r : reports.head(r.seriesId).orElse(r);
        }
        return reports.series(r.seriesId).stream().filter(v -> ValueSelector.standsOn(v, asOf))
                .max(Comparator.comparingInt(v -> v.revision))
                .orElseThrow(() -> new ProblemException(new org.tic.commons.error.Problem("not-found",
                        "Report not found", 404, "Report " + id + " had not been reported on " + asOf
                        + " (first reported on " + reports.series(r.seriesId).get(0).reportedOn + ")", null)));
    }

    /** Maps reports for the current caller (personal provenance only where it may report for the subject). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ReportViewer viewer() {
        return access.viewer();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<KpiReport> history(UUID id) {
        return reports.series(find(id).seriesId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public KpiReportRepository.Page list(ReportFilter filter, Sort sort, PageRequest page) {
        return reports.search(filter, sort, page);
    }

    private KpiReport find(UUID id) {
        return reports.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Report", id));
    }
}
