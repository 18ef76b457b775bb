package org.tic.kpi.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.tic.commons.error.ProblemException;
import org.tic.commons.rules.RuleViolation;
import org.tic.commons.rules.FieldViolation;
import org.tic.commons.security.Caller;
import org.tic.kpi.domain.ImportJob;
import org.tic.kpi.domain.KpiReport;
import org.tic.kpi.domain.KpiReportDraft;
import org.tic.kpi.domain.ProjectRecord;
import org.tic.kpi.mapping.KpiReportMapper;
import org.tic.kpi.domain.ClusterRecord;
import org.tic.kpi.domain.SubjectType;
import org.tic.kpi.repository.ClusterRecordRepository;
import org.tic.kpi.repository.ProjectRecordRepository;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Who may do what in kpi-service, from the verified token ({@link Caller}). The services call it before they change
 * anything, so the rules hold whatever ids a request carries in its path, body or CSV rows:
 * <ul>
 *     <li>report a value: the secretariat, or a coordinator of the cluster in the body; for a project, a
 *     coordinator of one of the project's clusters (lead or participating, from the project read model);</li>
 *     <li>correct a value: the same rights over the <em>stored</em> report's subject, and over the body's subject
 *     too when the correction names one (a value cannot be moved to a cluster the caller does not act for);</li>
 *     <li>imports: the secretariat or a coordinator uploads; each row must be for a subject the uploader may
 *     report for (checked by the worker with the {@link Rights} stored on the job); a coordinator sees only the
 *     jobs it uploaded (another's is a 404), the secretariat sees all;</li>
 *     <li>the personal provenance of a report ({@code reportedBy}, {@code notes}, {@code recordedBy}) is shown
 *     only to callers who may report for its subject ({@link ReportViewer}).</li>
 * </ul>
 * Only request paths use this bean: the event consumers and the import worker never do (there is no caller there).
 */
@ApplicationScoped
public class KpiAccess {

    private static final int MAX_SUCCESSORS = 16;

    private final Caller caller;
    private final ClusterRecordRepository clusters;
    private final ProjectRecordRepository projects;
    private final KpiReportMapper mapper;

    public KpiAccess(Caller caller, ClusterRecordRepository clusters, ProjectRecordRepository projects, KpiReportMapper mapper) {
        this.caller = caller;
        this.clusters = clusters;
        this.projects = projects;
        this.mapper = mapper;
    }

    /** The caller's rights as plain values (for work that outlives the request: streamed exports, import jobs). */
    public Rights rights() {
        return Rights.of(caller);
    }

    /** Report a value for the subject(s) the body names. A body naming none is left to validation (400). */
    public void requireMayReport(KpiReportDraft d) {
        Rights rights = requireReporter();
        if (rights.secretariat() || d == null) {
            return;
        }
        if (d.clusterId() != null && !coversCluster(rights, d.clusterId())) {
            throw Caller.forbidden("You may report KPI values only for the clusters you coordinate " + rights.clusters()
                    + "; cluster " + d.clusterId() + " is not one of them");
        }
        if (d.projectId() != null) {
            ProjectRecord p = projects.findByIdOptional(d.projectId()).orElseThrow(() -> RuleViolation.invalid(List.of(
                    new FieldViolation("projectId", "no project " + d.projectId() + " is known to kpi-service (it learns "
                            + "projects from project events, which may lag a moment behind)"))));
            if (!coversProject(rights, p)) {
                throw Caller.forbidden("You may report KPI values only for projects of the clusters you coordinate "
                        + rights.clusters() + "; project " + p.id + " belongs to " + p.clusterIds());
            }
        }
    }

    /** Correct a value: rights over the stored report's subject (and over the body's subject, when it names one). */
    public void requireMayCorrect(KpiReport stored, KpiReportDraft d) {
        Rights rights = requireReporter();
        if (rights.secretariat()) {
            return;
        }
        if (!covers(rights, stored.subjectType, stored.subjectId)) {
            throw Caller.forbidden("Report " + stored.id + " is about " + stored.subjectType.name().toLowerCase()
                    + " " + stored.subjectId + ", which you do not report for (your clusters: " + rights.clusters() + ")");
        }
        requireMayReport(d);
    }

    /** Upload an import, list imports: the secretariat or a coordinator. */
    public Rights requireImporter() {
        return requireReporter();
    }

    /** An import job the caller may see: the secretariat all, anyone else the ones it uploaded (else 404). */
    public void requireMayRead(ImportJob job) {
        Rights rights = requireReporter();
        if (!rights.secretariat() && !Objects.equals(job.createdBy, rights.actor())) {
            // Not 403: whether someone else's import exists is not the caller's business.
            throw ProblemException.notFound("Import", job.id);
        }
    }

    /** Maps reports for this caller: personal provenance only where the caller may report for the subject. */
    public ReportViewer viewer() {
        Rights rights = rights();
        return new ReportViewer(rights, this, mapper);
    }

    /*
     * Whether given Rights cover a KPI subject, from the read models only: a cluster report is covered by the
     * secretariat and the cluster's coordinators; a project report by the secretariat and the coordinators of any of
     * the project's clusters (lead or participating, as the project read model has them). A coordinator of the
     * cluster a merged cluster lives on in (its successor, followed along the chain) acts for the merged one too:
     * nobody holds a token for a cluster that no longer exists, and its figures pass to the successor. These never
     * touch the request-scoped Caller, so a streamed export's viewer may use them after the request.
     */

    public boolean covers(Rights rights, SubjectType type, UUID subjectId) {
        if (rights.secretariat()) {
            return true;
        }
        if (!rights.actsForAnyCluster() || subjectId == null) {
            return false;
        }
        if (type == SubjectType.PROJECT) {
            return projects.findByIdOptional(subjectId).map(p -> coversProject(rights, p)).orElse(false);
        }
        return coversCluster(rights, subjectId);
    }

    /** The cluster itself or, once merged, its successors. */
    public boolean coversCluster(Rights rights, UUID clusterId) {
        if (rights.mayActFor(clusterId)) {
            return true;
        }
        if (!rights.actsForAnyCluster() || clusterId == null) {
            return false;
        }
        Set<UUID> seen = new HashSet<>();
        UUID current = clusterId;
        for (int i = 0; i < MAX_SUCCESSORS && current != null && seen.add(current); i++) {
            UUID successor = clusters.findByIdOptional(current).map((ClusterRecord c) -> c.successorId).orElse(null);
            if (successor != null && rights.mayActFor(successor)) {
                return true;
            }
            current = successor;
        }
        return false;
    }

    public boolean coversProject(Rights rights, ProjectRecord project) {
        if (rights.secretariat()) {
            return true;
        }
        for (UUID clusterId : project.clusterIds()) {
            if (coversCluster(rights, clusterId)) {
                return true;
            }
        }
        return false;
    }

    private Rights requireReporter() {
        caller.requireAuthenticated();
        if (!caller.isSecretariat() && !caller.isCoordinator()) {
            throw Caller.forbidden("Only the secretariat or a cluster coordinator may do this");
        }
        return rights();
    }
}
