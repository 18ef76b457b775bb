package org.tic.kpi.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.tic.kpi.config.KpiConfig;
import org.tic.kpi.mapping.CsvReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Loads the initiative's published totals (a classpath CSV) into published_snapshot at start-up; idempotent. */
@ApplicationScoped
public class PublishedSnapshotLoader {

    private static final Logger LOG = Logger.getLogger(PublishedSnapshotLoader.class);

    private final EntityManager em;
    private final KpiConfig config;

    public PublishedSnapshotLoader(EntityManager em, KpiConfig config) {
        this.em = em;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.publishedSnapshots().load()) {
            int n = load(config.publishedSnapshots().resource());
            LOG.infof("Published initiative totals: %d snapshots loaded from %s", n, config.publishedSnapshots().resource());
        }
    }

    public int load(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                LOG.warnf("No published snapshots at classpath:%s", resource);
                return 0;
            }
            CsvReader reader = new CsvReader(new InputStreamReader(in, StandardCharsets.UTF_8), 4000);
            List<String> header = reader.next().fields();
            int count = 0;
            for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
                if (row.blank()) {
                    continue;
                }
                Map<String, String> v = new HashMap<>();
                for (int i = 0; i < header.size() && i < row.fields().size(); i++) {
                    String value = row.fields().get(i).trim();
                    v.put(header.get(i).trim(), value.isEmpty() ? null : value);
                }
                QuarkusTransaction.requiringNew().run(() -> upsert(v));
                count++;
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void upsert(Map<String, String> v) {
        em.createNativeQuery("""
                        insert into published_snapshot (as_of, clusters, countries, co2e_mt, co2e_wording, co2e_metric_type,
                                                        gdp_usd_bn, jobs_million, jobs_wording, source_url, note, loaded_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, now())
                        on conflict (as_of) do update set clusters = excluded.clusters, countries = excluded.countries,
                            co2e_mt = excluded.co2e_mt, co2e_wording = excluded.co2e_wording,
                            co2e_metric_type = excluded.co2e_metric_type, gdp_usd_bn = excluded.gdp_usd_bn,
                            jobs_million = excluded.jobs_million, jobs_wording = excluded.jobs_wording,
                            source_url = excluded.source_url, note = excluded.note, loaded_at = now()""")
                .setParameter(1, LocalDate.parse(v.get("as_of")))
                .setParameter(2, integer(v.get("clusters")))
                .setParameter(3, integer(v.get("countries")))
                .setParameter(4, decimal(v.get("co2e_mt")))
                .setParameter(5, v.get("co2e_metric"))
                .setParameter(6, co2eMetricType(v.get("co2e_metric")))
                .setParameter(7, decimal(v.get("gdp_usd_bn")))
                .setParameter(8, decimal(v.get("jobs_million")))
                .setParameter(9, v.get("jobs_wording"))
                .setParameter(10, v.get("source_url"))
                .setParameter(11, v.get("note"))
                .executeUpdate();
    }

    /** Reads the publication's wording as one of our CO2e metric types, so like is compared with like. */
    static String co2eMetricType(String wording) {
        if (wording == null) {
            return null;
        }
        String w = wording.toLowerCase(Locale.ROOT);
        if (w.contains("not a reduction") || w.startsWith("annual emissions")) {
            return "EMITTED";
        }
        if (w.contains("reduction") || w.contains("save")) {
            return "POTENTIAL_REDUCTION";
        }
        return null;
    }

    private static Integer integer(String s) {
        return s == null ? null : Integer.valueOf(s);
    }

    private static BigDecimal decimal(String s) {
        return s == null ? null : new BigDecimal(s);
    }
}
