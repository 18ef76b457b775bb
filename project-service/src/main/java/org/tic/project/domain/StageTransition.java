package org.tic.project.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One dated move in a project's stage history (append-only; the first row is the stage it was registered at). */
@Entity
@Table(name = "stage_transition")
public class StageTransition extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    @Column(nullable = false)
    public int sequence;

    /** Null for the registration row. */
    @Enumerated(EnumType.STRING)
    @Column(name = "from_stage")
    public Stage fromStage;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_stage", nullable = false)
    public Stage toStage;

    /** Null only when a project was registered without knowing since when it is at its stage. */
    @Column(name = "transition_date")
    public LocalDate date;

    public String note;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Evidence> evidence = new ArrayList<>();

    /** Main-line stages passed over by this move (names of {@link Stage}). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> skipped = new ArrayList<>();

    @Column(name = "skip_reason")
    public String skipReason;

    @Column(name = "readiness_override", nullable = false)
    public boolean readinessOverride;

    @Column(name = "override_reason")
    public String overrideReason;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;
}
