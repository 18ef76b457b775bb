package org.tic.commons.revision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Appends a revision of a record in the caller's transaction (the change and its revision commit together), into the
 * service's {@code record_revision} table. Each revision keeps the whole record, so a correction never loses the value
 * it replaced; {@code changed} names the top-level fields that differ from the previous revision, and a write that
 * changes none of them (bookkeeping aside) adds no revision.
 */
@ApplicationScoped
public class RevisionWriter {

    /** Bookkeeping fields that change with every write and say nothing about what changed. */
    private static final Set<String> BOOKKEEPING = Set.of("version", "updatedAt", "updatedBy", "createdAt", "createdBy");

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;
    private final ChangeReason reason;

    public RevisionWriter(EntityManager em, ObjectMapper json, Clock clock, ChangeReason reason) {
        this.em = em;
        this.json = json;
        this.clock = clock;
        this.reason = reason;
    }

    /**
     * @param record  the record as it stands after the change (null: deleted)
     * @param version its version after the change, or null
     * @param why     the operation's own reason, or null for the request's {@value ChangeReason#HEADER}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String recordType, Object recordId, String change, Object record, Long version, String actor,
                       String why) {
        JsonNode now = record == null ? null : json.valueToTree(record);
        JsonNode before = previous(recordType, String.valueOf(recordId));
        List<String> changed = changedFields(before, now); // the first revision: every field
        if (before != null && now != null && changed.isEmpty()) {
            return; // several events of one change (e.g. a stage move and its milestone): one revision
        }
        String snapshot;
        try {
            snapshot = now == null ? null : json.writeValueAsString(now);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String because = why != null ? why : requestReason();
        // Plain JDBC: nullable version/snapshot/reason need their SQL types, which a native query cannot give them.
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("""
                    insert into record_revision (record_type, record_id, change, version, recorded_at, recorded_by, reason,
                                                 changed, snapshot)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")) {
                ps.setString(1, recordType);
                ps.setString(2, String.valueOf(recordId));
                ps.setString(3, change);
                ps.setObject(4, version, Types.BIGINT);
                ps.setObject(5, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                ps.setString(6, actor);
                ps.setString(7, because);
                ps.setArray(8, connection.createArrayOf("text", changed.toArray()));
                ps.setString(9, snapshot);
                ps.executeUpdate();
            }
        });
    }

    private String requestReason() {
        return Arc.container().requestContext().isActive() ? reason.value() : null;
    }

    private JsonNode previous(String recordType, String recordId) {
        List<?> rows = em.createNativeQuery("""
                        select snapshot::text from record_revision where record_type = ?1 and record_id = ?2
                        order by id desc limit 1""")
                .setParameter(1, recordType).setParameter(2, recordId).getResultList();
        if (rows.isEmpty() || rows.get(0) == null) {
            return null;
        }
        try {
            return json.readTree((String) rows.get(0));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The top-level fields that differ (present in either), bookkeeping left out, in name order. */
    static List<String> changedFields(JsonNode before, JsonNode now) {
        Set<String> names = new TreeSet<>();
        if (before != null) {
            before.fieldNames().forEachRemaining(names::add);
        }
        if (now != null) {
            now.fieldNames().forEachRemaining(names::add);
        }
        List<String> changed = new ArrayList<>();
        for (String n : names) {
            if (!BOOKKEEPING.contains(n) && !Objects.equals(before == null ? null : before.get(n), now == null ? null : now.get(n))) {
                changed.add(n);
            }
        }
        return changed;
    }
}
