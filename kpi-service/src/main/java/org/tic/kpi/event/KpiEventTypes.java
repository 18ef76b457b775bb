package org.tic.kpi.event;

/** CloudEvents types this service publishes on {@code kpi.events}, and the aggregates they are keyed by. */
public final class KpiEventTypes {

    public static final String REPORT_REPORTED = "tic.kpi.report.reported.v1";
    public static final String REPORT_SUPERSEDED = "tic.kpi.report.superseded.v1";
    public static final String IMPORT_COMPLETED = "tic.kpi.import.completed.v1";
    public static final String TOTALS_CHANGED = "tic.kpi.initiative.totals-changed.v1";

    /** Keyed by the series id (the first version's id), so all versions of one value stay in order. */
    public static final String KPI_REPORT = "kpi-report";
    public static final String KPI_IMPORT = "kpi-import";
    /** One aggregate, one key: totals-changed events stay in order. */
    public static final String INITIATIVE = "initiative";
    public static final String INITIATIVE_ID = "initiative";

    private KpiEventTypes() {
    }
}
