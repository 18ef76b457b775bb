package org.tic.project.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.tic.commons.persistence.AuditedRecord;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A project milestone: planned vs actual date. Its project's version guards concurrent writers. */
@Entity
@Table(name = "milestone")
public class Milestone extends AuditedRecord {

    public enum Status { NOT_PLANNED, PLANNED, OVERDUE, ACHIEVED }

    @Id
    public UUID id;

    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MilestoneType type;

    @Column(name = "planned_date")
    public LocalDate plannedDate;

    @Column(name = "actual_date")
    public LocalDate actualDate;

    public String note;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Evidence> evidence = new ArrayList<>();

    public Status status(LocalDate today) {
        if (actualDate != null) {
            return Status.ACHIEVED;
        }
        if (plannedDate == null) {
            return Status.NOT_PLANNED;
        }
        return plannedDate.isBefore(today) ? Status.OVERDUE : Status.PLANNED;
    }

    /** Days the actual date came after (positive) or before (negative) the plan; null unless both are known. */
    public Long slipDays() {
        return plannedDate == null || actualDate == null ? null
                : java.time.temporal.ChronoUnit.DAYS.between(plannedDate, actualDate);
    }
}
