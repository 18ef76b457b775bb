package org.tic.kpi.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A bulk CSV import: its rows are staged in kpi_import_row and applied in chunks (ImportChunkApplier). */
@Entity
@Table(name = "kpi_import")
public class ImportJob extends PanacheEntityBase {

    public enum Status {
        /** The upload is being streamed in. */
        RECEIVING,
        /** Staged, waiting for the worker. */
        QUEUED,
        RUNNING,
        COMPLETED,
        /** The upload itself failed (e.g. the connection dropped); no row was applied. */
        FAILED
    }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** The header of the uploaded file, in its order. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> columns = new ArrayList<>();

    @Column(name = "rows_total", nullable = false)
    public int rowsTotal;

    @Column(name = "rows_done", nullable = false)
    public int rowsDone;

    @Column(name = "rows_imported", nullable = false)
    public int rowsImported;

    @Column(name = "rows_rejected", nullable = false)
    public int rowsRejected;

    @Column(nullable = false)
    public long bytes;

    public String failure;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Who uploaded it (token subject): the actor of every report it writes and of its events. */
    @Column(name = "created_by")
    public String createdBy;

    /** The uploader's rights when it uploaded: the worker checks each row against them (it has no request). */
    @Column(name = "actor_secretariat", nullable = false)
    public boolean actorSecretariat;

    /** The clusters a coordinator-uploader acts for (empty for the secretariat). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "actor_clusters", nullable = false)
    public List<UUID> actorClusters = new ArrayList<>();

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** The worker holding the job renews this; an expired lease lets another worker (or replica) resume it. */
    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Version
    @Column(nullable = false)
    public long version;
}
