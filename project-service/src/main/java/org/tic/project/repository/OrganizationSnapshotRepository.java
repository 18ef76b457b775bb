package org.tic.project.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.tic.project.domain.OrganizationSnapshot;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OrganizationSnapshotRepository implements PanacheRepositoryBase<OrganizationSnapshot, UUID> {

    public record Data(UUID id, String name, String kind, String country, List<String> sectors, String website,
                       long version, Instant createdAt, Instant updatedAt) {
    }

    /** Version-gated like clusters; a tombstone is never overwritten (a deleted organization stays deleted). */
    private static final String UPSERT = """
            insert into organization_snapshot (id, name, kind, country, sectors, website, deleted, version,
                source_created_at, source_updated_at, last_event_id, last_event_type, synced_at)
            values (?, ?, ?, ?, ?, ?, false, ?, ?, ?, ?, ?, now())
            on conflict (id) do update set
                name = excluded.name, kind = excluded.kind, country = excluded.country, sectors = excluded.sectors,
                website = excluded.website, version = excluded.version,
                source_created_at = excluded.source_created_at, source_updated_at = excluded.source_updated_at,
                last_event_id = excluded.last_event_id, last_event_type = excluded.last_event_type,
                synced_at = excluded.synced_at
            where organization_snapshot.version < excluded.version and not organization_snapshot.deleted
            """;

    private static final String TOMBSTONE = """
            insert into organization_snapshot (id, deleted, version, last_event_id, last_event_type, synced_at)
            values (?, true, 0, ?, ?, now())
            on conflict (id) do update set deleted = true, last_event_id = excluded.last_event_id,
                last_event_type = excluded.last_event_type, synced_at = excluded.synced_at
            where not organization_snapshot.deleted
            """;

    private final EntityManager em;

    public OrganizationSnapshotRepository(EntityManager em) {
        this.em = em;
    }

    public boolean upsertIfNewer(Data d, UUID eventId, String eventType) {
        int[] updated = new int[1];
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(UPSERT)) {
                int i = 0;
                ps.setObject(++i, d.id());
                ps.setString(++i, d.name());
                ps.setString(++i, d.kind());
                ps.setString(++i, d.country());
                ps.setArray(++i, connection.createArrayOf("text", d.sectors().toArray(new String[0])));
                ps.setString(++i, d.website());
                ps.setLong(++i, d.version());
                ps.setTimestamp(++i, d.createdAt() == null ? null : Timestamp.from(d.createdAt()));
                ps.setTimestamp(++i, d.updatedAt() == null ? null : Timestamp.from(d.updatedAt()));
                ps.setObject(++i, eventId);
                ps.setString(++i, eventType);
                updated[0] = ps.executeUpdate();
            }
        });
        return updated[0] > 0;
    }

    public boolean markDeleted(UUID id, UUID eventId, String eventType) {
        int[] updated = new int[1];
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(TOMBSTONE)) {
                ps.setObject(1, id);
                ps.setObject(2, eventId);
                ps.setString(3, eventType);
                updated[0] = ps.executeUpdate();
            }
        });
        return updated[0] > 0;
    }
}
