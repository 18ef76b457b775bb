package org.tic.kpi.repository;

import org.tic.kpi.domain.Co2eMetricType;
import org.tic.kpi.domain.Confidence;
import org.tic.kpi.domain.Metric;
import org.tic.kpi.domain.SubjectType;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The filters of the report list and export. By default only current versions; {@code asOf} gives the versions
 * that stood on that date, {@code history} every version.
 *
 * @param periodFrom reports whose period ends on or after this date
 * @param periodTo   reports whose period starts on or before this date
 */
public record ReportFilter(SubjectType subjectType, UUID clusterId, UUID projectId, Metric metric,
                           Co2eMetricType co2eMetricType, Confidence confidence, LocalDate periodFrom,
                           LocalDate periodTo, UUID importId, LocalDate asOf, boolean history) {
}
