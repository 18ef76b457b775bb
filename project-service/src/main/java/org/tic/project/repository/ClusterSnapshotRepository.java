package org.tic.project.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.tic.commons.rest.PageRequest;
import org.tic.commons.rest.PageTotals;
import org.tic.project.domain.ClusterSnapshot;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class ClusterSnapshotRepository implements PanacheRepositoryBase<ClusterSnapshot, UUID> {

    @Inject
    PageTotals totals;

    /** A cluster snapshot as carried by an event. */
    public record Data(UUID id, String slug, String name, String country, String subnationalRegion, String worldRegion,
                       String type, List<String> sectors, UUID coordinatorOrganizationId, Double latitude,
                       Double longitude, String status, LocalDate joinedDate, Integer joinedYear, UUID successorId,
                       long version, Instant createdAt, Instant updatedAt) {
    }

    public record Page(List<ClusterSnapshot> items, PageTotals.Total total) {
    }

    private static final String UPSERT = """
            insert into cluster_snapshot (id, slug, name, country, subnational_region, world_region, type, sectors,
                coordinator_organization_id, latitude, longitude, status, joined_date, joined_year, successor_id, version,
                source_created_at, source_updated_at, last_event_id, last_event_type, synced_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
            on conflict (id) do update set
                slug = excluded.slug, name = excluded.name, country = excluded.country,
                subnational_region = excluded.subnational_region, world_region = excluded.world_region,
                type = excluded.type, sectors = excluded.sectors,
                coordinator_organization_id = excluded.coordinator_organization_id,
                latitude = excluded.latitude, longitude = excluded.longitude, status = excluded.status,
                joined_date = excluded.joined_date, joined_year = excluded.joined_year,
                successor_id = excluded.successor_id, version = excluded.version,
                source_created_at = excluded.source_created_at, source_updated_at = excluded.source_updated_at,
                last_event_id = excluded.last_event_id, last_event_type = excluded.last_event_type,
                synced_at = excluded.synced_at
            where cluster_snapshot.version < excluded.version
            """;

    private final EntityManager em;

    public ClusterSnapshotRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Stores the snapshot unless the row already holds this or a higher version. One atomic statement: the
     * conflicting row is locked and the version compared against its latest state, so two partitions writing the
     * same cluster (its own event and a merge keyed by the successor) cannot regress it.
     *
     * @return true when the snapshot was stored
     */
    public boolean upsertIfNewer(Data d, UUID eventId, String eventType) {
        int[] updated = new int[1];
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(UPSERT)) {
                Array sectors = connection.createArrayOf("text", d.sectors().toArray(new String[0]));
                int i = 0;
                ps.setObject(++i, d.id());
                ps.setString(++i, d.slug());
                ps.setString(++i, d.name());
                ps.setString(++i, d.country());
                ps.setString(++i, d.subnationalRegion());
                ps.setString(++i, d.worldRegion());
                ps.setString(++i, d.type());
                ps.setArray(++i, sectors);
                setUuid(ps, ++i, d.coordinatorOrganizationId());
                setDouble(ps, ++i, d.latitude());
                setDouble(ps, ++i, d.longitude());
                ps.setString(++i, d.status());
                ps.setObject(++i, d.joinedDate(), Types.DATE);
                if (d.joinedYear() == null) {
                    ps.setNull(++i, Types.INTEGER);
                } else {
                    ps.setInt(++i, d.joinedYear());
                }
                setUuid(ps, ++i, d.successorId());
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

    /** The cluster and every cluster merged into it, directly or through earlier merges. */
    public Set<UUID> lineage(UUID clusterId) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                        with recursive lineage(id) as (
                            select cast(?1 as uuid)
                            union
                            select c.id from cluster_snapshot c join lineage l on c.successor_id = l.id)
                        select id from lineage""", UUID.class)
                .setParameter(1, clusterId)
                .getResultList();
        return new HashSet<>(ids);
    }

    /** Loads the clusters and, transitively, their successors (to resolve merges). */
    public Map<UUID, ClusterSnapshot> withSuccessors(Collection<UUID> ids) {
        Map<UUID, ClusterSnapshot> found = new HashMap<>();
        Set<UUID> wanted = new HashSet<>(ids);
        wanted.remove(null);
        for (int depth = 0; depth < 20 && !wanted.isEmpty(); depth++) {
            List<ClusterSnapshot> batch = list("id in ?1", wanted);
            wanted = new HashSet<>();
            for (ClusterSnapshot c : batch) {
                found.put(c.id, c);
                if (c.successorId != null && !found.containsKey(c.successorId)) {
                    wanted.add(c.successorId);
                }
            }
        }
        return found;
    }

    /** Every cluster with a location (the map draws them; a few thousand rows at most). */
    public List<ClusterSnapshot> located() {
        return list("latitude is not null and longitude is not null order by name, id");
    }

    public Page search(String slug, String status, String country, PageRequest page) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (slug != null) {
            where.add("slug = :slug");
            params.put("slug", slug);
        }
        if (status != null) {
            where.add("status = :status");
            params.put("status", status);
        }
        if (country != null) {
            where.add("country = :country");
            params.put("country", country);
        }
        var query = where.isEmpty() ? find("order by name, id")
                : find(String.join(" and ", where) + " order by name, id", params);
        var items = query.page(page.page(), page.size()).list();
        return new Page(items, totals.total(Arrays.asList("clusters", slug, status, country), page, items.size(), query::count));
    }

    private static void setUuid(PreparedStatement ps, int i, UUID value) throws java.sql.SQLException {
        if (value == null) {
            ps.setNull(i, Types.OTHER);
        } else {
            ps.setObject(i, value);
        }
    }

    private static void setDouble(PreparedStatement ps, int i, Double value) throws java.sql.SQLException {
        if (value == null) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, value);
        }
    }
}
