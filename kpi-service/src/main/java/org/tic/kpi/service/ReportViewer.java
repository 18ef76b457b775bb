package org.tic.kpi.service;

import org.tic.kpi.domain.KpiReport;
import org.tic.kpi.domain.SubjectType;
import org.tic.kpi.mapping.KpiCsv;
import org.tic.kpi.mapping.KpiReportMapper;
import org.tic.kpi.mapping.KpiReportView;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Maps reports for one response. KPI values, units, periods, sources, confidence and correction reasons are
 * public; {@code reportedBy} (often a person's name), {@code notes} (free text, may carry names and contact
 * details) and {@code recordedBy} (the account that wrote it) are shown only to the secretariat and to those who
 * may report for the report's subject, and are left out for everyone else (anonymous callers, partners,
 * coordinators of other clusters). Decided once per subject per response; holds plain values only, so it can be
 * used while a streamed export is written, after the request's scope has ended.
 */
public final class ReportViewer {

    private record Subject(SubjectType type, UUID id) {
    }

    private final Rights rights;
    private final KpiAccess access;
    private final KpiReportMapper mapper;
    private final Map<Subject, Boolean> decided = new HashMap<>();

    ReportViewer(Rights rights, KpiAccess access, KpiReportMapper mapper) {
        this.rights = rights;
        this.access = access;
        this.mapper = mapper;
    }

    /** Whether this caller sees the report's personal provenance. Needs a transaction for project or merged subjects. */
    public boolean seesProvenance(KpiReport r) {
        if (rights.secretariat()) {
            return true;
        }
        if (!rights.actsForAnyCluster()) {
            return false;
        }
        return decided.computeIfAbsent(new Subject(r.subjectType, r.subjectId),
                s -> access.covers(rights, s.type(), s.id()));
    }

    public KpiReportView view(KpiReport r) {
        return mapper.toView(r, seesProvenance(r));
    }

    public List<Object> csvRow(KpiReport r) {
        return KpiCsv.exportRow(r, seesProvenance(r));
    }
}
