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

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One item of a project's readiness checklist; a missing row means NOT_STARTED. */
@Entity
@Table(name = "readiness_item")
public class ReadinessItem extends AuditedRecord {

    @Id
    public UUID id;

    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReadinessItemKey item;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReadinessStatus status;

    public String note;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Evidence> evidence = new ArrayList<>();
}
