package org.tic.kpi.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.tic.commons.outbox.OutboxWriter;
import org.tic.kpi.domain.RollupCalculator;
import org.tic.kpi.event.KpiEventTypes;
import org.tic.kpi.mapping.RollupMapper;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Announces {@code tic.kpi.initiative.totals-changed.v1} when today's initiative totals differ from the last ones
 * announced, in the same transaction as the change that moved them (a report, a correction, an import's end, or a
 * membership or project event). Writers take the single initiative_totals row lock first, so concurrent changes
 * are compared one after the other and each announcement reflects everything committed before it.
 */
@ApplicationScoped
public class InitiativeTotalsTracker {

    /** Event data: {@code { asOf, signatoryClusters, countries, metrics: { bucketKey: MetricTotal } }}. */
    public record TotalsChanged(LocalDate asOf, int signatoryClusters, int countries, Map<String, MetricTotal> metrics) {
    }

    public record MetricTotal(String label, String unit, BigDecimal total, boolean summable, int clustersReporting,
                              int signatoryClusters) {
    }

    private record Fingerprinted(int signatoryClusters, int countries, Map<String, MetricTotal> metrics) {
    }

    private final EntityManager em;
    private final InitiativeService initiative;
    private final OutboxWriter outbox;
    private final ObjectMapper json;

    public InitiativeTotalsTracker(EntityManager em, InitiativeService initiative, OutboxWriter outbox, ObjectMapper json) {
        this.em = em;
        this.initiative = initiative;
        this.outbox = outbox;
        this.json = json;
    }

    /** @return whether the totals changed (and an event was recorded) */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean refresh(String actor) {
        em.flush(); // our own changes must be visible to the roll-up queries below
        em.createNativeQuery("select id from initiative_totals where id = 1 for update").getSingleResult();
        RollupCalculator.Rollup r = initiative.rollup(null);
        Map<String, MetricTotal> metrics = new TreeMap<>();
        for (RollupCalculator.Total t : r.totals()) {
            metrics.put(t.bucket().key(), new MetricTotal(t.bucket().label(), t.bucket().baseUnit().name(),
                    RollupMapper.plain(t.total()), t.bucket().summable(), t.reporting(), t.inScope()));
        }
        String body;
        try {
            // The date alone changing is not a change of the totals.
            body = json.writeValueAsString(new Fingerprinted(r.signatories().size(), r.countries().size(), metrics));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String fingerprint = sha256(body);
        String previous = (String) em.createNativeQuery("select fingerprint from initiative_totals where id = 1")
                .getSingleResult();
        if (fingerprint.equals(previous)) {
            return false;
        }
        em.createNativeQuery("update initiative_totals set as_of = ?1, fingerprint = ?2, totals = ?3, changed_at = now() where id = 1")
                .setParameter(1, r.asOf())
                .setParameter(2, fingerprint)
                .setParameter(3, body)
                .executeUpdate();
        outbox.record(KpiEventTypes.INITIATIVE, KpiEventTypes.INITIATIVE_ID, KpiEventTypes.TOTALS_CHANGED,
                new TotalsChanged(r.asOf(), r.signatories().size(), r.countries().size(), metrics), actor);
        return true;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
