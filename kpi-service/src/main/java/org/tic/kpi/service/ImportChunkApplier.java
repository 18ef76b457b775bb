package org.tic.kpi.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.tic.commons.rules.FieldViolation;
import org.tic.kpi.domain.KpiReport;
import org.tic.kpi.domain.KpiReportDraft;
import org.tic.kpi.event.KpiEventPublisher;
import org.tic.kpi.mapping.KpiCsv;
import org.tic.kpi.mapping.KpiReportMapper;
import org.tic.kpi.repository.CurrentValueRepository;
import org.tic.kpi.repository.ImportRepository;
import org.tic.kpi.repository.ImportedReportWriter;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Applies one chunk of an import's staged rows in one transaction, set-based: the job row is locked and its lease
 * owner checked first (so a chunk is never applied twice, see {@link ImportRepository#lockIfOwner}); the chunk's
 * subjects are resolved and checked against the uploader's rights in one query; each row is parsed and checked by
 * the same rules as a single report ({@link KpiCsv}, {@link KpiReportService#check(KpiReportDraft, LocalDate,
 * java.util.function.Predicate, java.util.function.Predicate)}) in Java (the rules and their texts stay in one place);
 * then the reports (one COPY), their reported events (one multi-row insert), the row statuses (one update), the
 * current values (one upsert), the job's counters and lease, and the roll-ups' data version are written once each.
 */
@ApplicationScoped
public class ImportChunkApplier {

    /** The lease was taken over (or the job is no longer running): this worker must stop. */
    public static final class LeaseLost extends RuntimeException {
        LeaseLost(UUID importId) {
            super("Import " + importId + " is no longer held by this worker");
        }
    }

    /** What a worker knows about the job it holds. */
    public record Job(UUID id, UUID owner, List<String> columns, Rights rights) {
    }

    public record Result(int imported, int rejected) {
        public int rows() {
            return imported + rejected;
        }
    }

    private final ImportRepository imports;
    private final ImportedReportWriter reportWriter;
    private final CurrentValueRepository current;
    private final KpiReportMapper mapper;
    private final KpiEventPublisher events;
    private final InitiativeTotalsTracker totals;
    private final ObjectMapper json;
    private final Clock clock;
    private Instant lastRecordedAt = Instant.EPOCH;

    public ImportChunkApplier(ImportRepository imports, ImportedReportWriter reportWriter, CurrentValueRepository current,
                              KpiReportMapper mapper, KpiEventPublisher events, InitiativeTotalsTracker totals, ObjectMapper json,
                              Clock clock) {
        this.imports = imports;
        this.reportWriter = reportWriter;
        this.current = current;
        this.mapper = mapper;
        this.events = events;
        this.totals = totals;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Applies the next (at most {@code limit}) pending rows of the job.
     *
     * @return the rows applied; zero when none was pending
     * @throws LeaseLost when another worker holds the job now
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Result applyNext(Job job, int limit, Instant leaseUntil) {
        if (!imports.lockIfOwner(job.id(), job.owner())) {
            throw new LeaseLost(job.id());
        }
        List<ImportRepository.PendingRow> rows = imports.pending(job.id(), limit);
        if (rows.isEmpty()) {
            return new Result(0, 0);
        }
        LocalDate today = LocalDate.now(clock);
        List<KpiCsv.Parsed> parsed = new ArrayList<>(rows.size());
        List<ImportRepository.SubjectRef> refs = new ArrayList<>(rows.size());
        for (ImportRepository.PendingRow row : rows) {
            KpiCsv.Parsed p = KpiCsv.parse(job.columns(), row.fields());
            parsed.add(p);
            UUID clusterId = null;
            String slug = null;
            if (p.clusterRef() != null) {
                try {
                    clusterId = UUID.fromString(p.clusterRef());
                } catch (IllegalArgumentException notAUuid) {
                    slug = p.clusterRef();
                }
            }
            refs.add(new ImportRepository.SubjectRef(row.line(), clusterId, slug, p.draft().projectId()));
        }
        Map<Integer, ImportRepository.RowSubject> subjects = imports.resolve(refs,
                job.rights().secretariat() ? List.of() : List.copyOf(job.rights().clusters()));

        List<KpiReport> reports = new ArrayList<>();
        List<ImportRepository.RowOutcome> outcomes = new ArrayList<>(rows.size());
        Set<CurrentValueRepository.Key> keys = new LinkedHashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            int line = rows.get(i).line();
            List<FieldViolation> errors = new ArrayList<>();
            KpiReportDraft draft = check(parsed.get(i), subjects.get(line), job.rights(), today, errors);
            if (!errors.isEmpty()) {
                outcomes.add(new ImportRepository.RowOutcome(line, null, errorsJson(errors)));
                continue;
            }
            KpiReport r = newReport(draft, job);
            reports.add(r);
            outcomes.add(new ImportRepository.RowOutcome(line, r.id, null));
            keys.add(new CurrentValueRepository.Key(r.subjectType, r.subjectId, r.bucketKey));
        }
        reportWriter.insert(reports);
        if (imports.finishRows(job.id(), outcomes) != rows.size()) {
            throw new IllegalStateException("Import " + job.id() + ": rows of the chunk were applied concurrently");
        }
        events.reportedAll(reports, job.rights().actor());
        current.refreshAll(keys); // last but the counters: holds the bulk lock until the commit
        if (!imports.countChunk(job.id(), job.owner(), reports.size(), rows.size() - reports.size(), leaseUntil)) {
            throw new LeaseLost(job.id());
        }
        if (!reports.isEmpty()) {
            LocalDate earliest = reports.stream().map(r -> r.reportedOn).min(Comparator.naturalOrder()).orElseThrow();
            // the import checks the totals once, when it completes; roll-ups before the earliest date stay cached
            totals.changed(job.rights().actor(), false, earliest);
        }
        return new Result(reports.size(), rows.size() - reports.size());
    }

    /** Rejects the first pending row on its own, when the database refused it (see {@code ImportWorker}). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void rejectFirstPending(Job job, String message, Instant leaseUntil) {
        if (!imports.lockIfOwner(job.id(), job.owner())) {
            throw new LeaseLost(job.id());
        }
        List<ImportRepository.PendingRow> rows = imports.pending(job.id(), 1);
        if (rows.isEmpty()) {
            return;
        }
        imports.finishRows(job.id(), List.of(new ImportRepository.RowOutcome(rows.get(0).line(), null,
                errorsJson(List.of(new FieldViolation("row", "could not be stored: " + message))))));
        imports.countChunk(job.id(), job.owner(), 0, 1, leaseUntil);
    }

    /**
     * A row's draft and errors, in the order and with the texts of the row-by-row import: parse errors (by column),
     * then an unknown or not-covered subject (which ends the check), then the report rules.
     */
    static KpiReportDraft check(KpiCsv.Parsed parsed, ImportRepository.RowSubject subject, Rights rights, LocalDate today,
                                List<FieldViolation> errors) {
        errors.addAll(parsed.errors());
        KpiReportDraft draft = parsed.draft();
        if (parsed.clusterRef() != null) {
            UUID clusterId = subject == null ? null : subject.clusterId();
            if (clusterId == null) {
                errors.add(new FieldViolation("cluster", "no cluster with id or slug '" + shorten(parsed.clusterRef())
                        + "' is known to kpi-service"));
                return draft;
            }
            if (!rights.secretariat() && !subject.clusterCovered()) {
                errors.add(new FieldViolation("cluster", "you may import only for the clusters you coordinate "
                        + rights.clusters() + "; this row is for cluster '" + shorten(parsed.clusterRef()) + "' ("
                        + clusterId + ")"));
                return draft;
            }
            draft = draft.withClusterId(clusterId);
        }
        boolean projectKnown = subject != null && subject.projectKnown();
        if (draft.projectId() != null && !rights.secretariat() && projectKnown && !subject.projectCovered()) {
            Set<UUID> projectClusters = new LinkedHashSet<>();
            if (subject.projectLead() != null) {
                projectClusters.add(subject.projectLead());
            }
            projectClusters.addAll(subject.projectParticipants());
            errors.add(new FieldViolation("projectId", "you may import only for projects of the clusters you coordinate "
                    + rights.clusters() + "; project " + draft.projectId() + " belongs to " + projectClusters));
            return draft;
        }
        if (draft.reportedOn() == null) {
            draft = draft.withReportedOn(today);
        }
        Set<String> unparsed = errors.stream().map(FieldViolation::field).collect(Collectors.toSet());
        // The cluster was resolved from the read model above; the project is known when the join found it.
        for (FieldViolation e : KpiReportService.check(draft, today, id -> true, id -> projectKnown)) {
            String column = KpiCsv.column(e.field());
            if (!unparsed.contains(column)) { // "metric is required" after "'CARBON' is not one of ..." adds nothing
                errors.add(new FieldViolation(column, e.message()));
            }
        }
        return draft;
    }

    /** A first version, as {@code KpiReportService} creates one. */
    private KpiReport newReport(KpiReportDraft draft, Job job) {
        KpiReport r = new KpiReport();
        r.id = UUID.randomUUID();
        r.seriesId = r.id;
        r.revision = 1;
        r.currentVersion = true;
        mapper.apply(draft, r);
        r.importId = job.id();
        r.recordedAt = nextRecordedAt();
        r.recordedBy = job.rights().actor();
        r.version = 0;
        return r;
    }

    /**
     * Strictly increasing in line order (microseconds, as PostgreSQL stores them), as if the rows had been posted one
     * after the other: of two rows for the same subject, bucket, period and reportedOn the later line stays current.
     */
    private synchronized Instant nextRecordedAt() {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        Instant next = now.isAfter(lastRecordedAt) ? now : lastRecordedAt.plus(1, ChronoUnit.MICROS);
        lastRecordedAt = next;
        return next;
    }

    private String errorsJson(List<FieldViolation> errors) {
        try {
            return json.writeValueAsString(errors);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String shorten(String s) {
        return s == null || s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
