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
import org.tic.kpi.repository.ProjectRecordRepository;

import java.util.List;
import java.util.Objects;

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

    private final Caller caller;
    private final SubjectRights subjects;
    private final ProjectRecordRepository projects;
    private final KpiReportMapper mapper;

    public KpiAccess(Caller caller, SubjectRights subjects, ProjectRecordRepository projects, KpiReportMapper mapper) {
        this.caller = caller;
        this.subjects = subjects;
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
        if (d.clusterId() != null && !subjects.coversCluster(rights, d.clusterId())) {
            throw Caller.forbidden("You may report KPI values only for the clusters you coordinate " + rights.clusters()
                    + "; cluster " + d.clusterId() + " is not one of them");
        }
        if (d.projectId() != null) {
            ProjectRecord p = projects.findByIdOptional(d.projectId()).orElseThrow(() -> RuleViolation.invalid(List.of(
                    new FieldViolation("projectId", "no project " + d.projectId() + " is known to kpi-service (it learns "
                            + "projects from project events, which may lag a moment behind)"))));
            if (!subjects.coversProject(rights, p)) {
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
        if (!subjects.covers(rights, stored.subjectType, stored.subjectId)) {
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
        return new ReportViewer(rights, subjects, mapper);
    }

    private Rights requireReporter() {
        caller.requireAuthenticated();
        if (!caller.isSecretariat() && !caller.isCoordinator()) {
            throw Caller.forbidden("Only the secretariat or a cluster coordinator may do this");
        }
        return rights();
    }
}
