package org.tic.kpi.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.tic.commons.error.Problem;
import org.tic.commons.error.ProblemException;
import org.tic.commons.rest.PageRequest;
import org.tic.commons.rules.FieldViolation;
import org.tic.kpi.config.KpiConfig;
import org.tic.kpi.domain.ImportJob;
import org.tic.kpi.mapping.CsvReader;
import org.tic.kpi.mapping.ImportView;
import org.tic.kpi.mapping.KpiCsv;
import org.tic.kpi.repository.ImportRepository;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Receives a CSV upload: checks the header, then streams the rows into kpi_import_row with one {@code COPY} per batch
 * of {@code tic.kpi.imports.staging-batch-size} rows (each batch its own transaction), so the file is never held in
 * memory. The CSV is split by {@link CsvReader} (no CSV library is in the project; it gives each row's starting line,
 * which the row errors need, and bounds field length); then queues the job for {@link ImportWorker}. The uploader's
 * rights are stored on the job (the worker checks each row against them); a coordinator sees only its own jobs.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);
    static final int MAX_FIELD_LENGTH = 4000;
    private static final int ERRORS_IN_VIEW = 100;
    private static final TypeReference<List<FieldViolation>> ERRORS = new TypeReference<>() {
    };

    private final ImportRepository imports;
    private final ImportWorker worker;
    private final KpiConfig config;
    private final ObjectMapper json;
    private final Clock clock;
    private final KpiAccess access;

    public ImportService(ImportRepository imports, ImportWorker worker, KpiConfig config, ObjectMapper json, Clock clock,
                         KpiAccess access) {
        this.access = access;
        this.imports = imports;
        this.worker = worker;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    public ImportView receive(InputStream body, String actor) {
        Rights rights = access.requireImporter();
        if (body == null) {
            throw ProblemException.badRequest("The body is empty; send the CSV (see GET /api/v1/kpi-imports/template)");
        }
        CountingStream counted = new CountingStream(body, config.imports().maxBytes());
        Reader reader = new InputStreamReader(counted, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        CsvReader csv = new CsvReader(reader, MAX_FIELD_LENGTH);
        List<String> header;
        try {
            CsvReader.Row first = csv.next();
            if (first == null || first.blank()) {
                throw ProblemException.badRequest("The CSV is empty; its first line must be the header "
                        + "(see GET /api/v1/kpi-imports/template)");
            }
            header = first.fields().stream().map(String::trim).toList();
        } catch (IOException | CsvReader.MalformedCsvException e) {
            throw unreadable(e, counted);
        }
        List<String> problems = KpiCsv.checkHeader(header);
        if (!problems.isEmpty()) {
            throw new ProblemException(new Problem("invalid-csv-header", "Invalid CSV header", 400,
                    String.join("; ", problems), null).with("expectedColumns", KpiCsv.IMPORT_COLUMNS));
        }

        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            ImportJob job = new ImportJob();
            job.id = id;
            job.status = ImportJob.Status.RECEIVING;
            job.columns = new ArrayList<>(header);
            job.createdAt = Instant.now(clock);
            job.createdBy = actor;
            job.actorSecretariat = rights.secretariat();
            job.actorClusters = new ArrayList<>(rights.clusters());
            imports.persist(job);
        });

        int rows = 0;
        int malformed = 0;
        try {
            List<ImportRepository.StagedRow> batch = new ArrayList<>();
            while (true) {
                CsvReader.Row row;
                try {
                    row = csv.next();
                } catch (CsvReader.MalformedCsvException e) {
                    // The rest of the file cannot be split into rows reliably: reject from here, keep what came before.
                    batch.add(new ImportRepository.StagedRow(e.line(), List.of(), "REJECTED",
                            errors(List.of(new FieldViolation("row", "malformed CSV, reading stopped here: " + e.getMessage())))));
                    rows++;
                    malformed = 1;
                    break;
                }
                if (row == null) {
                    break;
                }
                if (row.blank()) {
                    continue;
                }
                if (++rows > config.imports().maxRows()) {
                    throw new ProblemException(new Problem("too-many-rows", "Too many rows", 413,
                            "An import takes at most " + config.imports().maxRows() + " rows; split the file", null));
                }
                batch.add(new ImportRepository.StagedRow(row.line(), row.fields(), "PENDING", null));
                if (batch.size() >= config.imports().stagingBatchSize()) {
                    stage(id, batch);
                }
            }
            stage(id, batch);
        } catch (IOException | RuntimeException e) {
            fail(id, e);
            if (e instanceof ProblemException p) {
                throw p;
            }
            throw unreadable(e, counted);
        }
        int total = rows;
        int rejectedOnArrival = malformed;
        QuarkusTransaction.requiringNew().run(() -> {
            ImportJob job = imports.findById(id);
            job.rowsTotal = total;
            job.rowsDone = rejectedOnArrival;
            job.rowsRejected = rejectedOnArrival;
            job.bytes = counted.count;
            job.status = ImportJob.Status.QUEUED;
        });
        worker.submit(id);
        return QuarkusTransaction.joiningExisting().call(() -> view(job(id)));
    }

    private void stage(UUID id, List<ImportRepository.StagedRow> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<ImportRepository.StagedRow> copy = List.copyOf(batch);
        QuarkusTransaction.requiringNew().run(() -> imports.stage(id, copy));
        batch.clear();
    }

    private void fail(UUID id, Throwable cause) {
        LOG.infof("Import %s failed while receiving: %s", id, cause.getMessage());
        QuarkusTransaction.requiringNew().run(() -> {
            ImportJob job = imports.findById(id);
            job.status = ImportJob.Status.FAILED;
            job.failure = truncate("Upload failed: " + cause.getMessage(), 2000);
            job.finishedAt = Instant.now(clock);
        });
    }

    private static ProblemException unreadable(Exception e, CountingStream counted) {
        if (e instanceof ProblemException p) {
            return p;
        }
        if (e instanceof TooLargeException || e.getCause() instanceof TooLargeException) {
            return new ProblemException(new Problem("payload-too-large", "Payload too large", 413,
                    "The CSV has more than " + counted.max + " bytes", null).with("maxBytes", counted.max));
        }
        if (e instanceof CharacterCodingException) {
            return ProblemException.badRequest("The CSV is not UTF-8 text");
        }
        if (e instanceof CsvReader.MalformedCsvException m) {
            return ProblemException.badRequest("The CSV header cannot be read: " + m.getMessage());
        }
        return ProblemException.badRequest("The upload could not be read: " + e.getMessage());
    }

    public ImportJob job(UUID id) {
        return QuarkusTransaction.joiningExisting().call(() ->
                imports.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Import", id)));
    }

    /** A job the caller may see: the secretariat any, a coordinator the ones it uploaded (else 404). */
    public ImportView get(UUID id) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            ImportJob job = job(id);
            access.requireMayRead(job);
            return view(job);
        });
    }

    private ImportView view(ImportJob job) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            UUID id = job.id;
            List<ImportView.RowError> errors = rowErrors(id, 0, ERRORS_IN_VIEW + 1);
            boolean more = errors.size() > ERRORS_IN_VIEW;
            if (more) {
                errors = errors.subList(0, ERRORS_IN_VIEW);
            }
            return new ImportView(job.id, job.status, job.rowsTotal, job.rowsDone, job.rowsImported, job.rowsRejected,
                    job.bytes, List.copyOf(job.columns), job.failure, job.createdAt, job.createdBy, job.startedAt, job.finishedAt,
                    errors, more, "/api/v1/kpi-reports?importId=" + job.id);
        });
    }

    /** Row errors flattened to one entry per field, in line order; paged over rejected rows. */
    public List<ImportView.RowError> rowErrors(UUID id, int offsetRows, int limitRows) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            List<ImportView.RowError> result = new ArrayList<>();
            for (ImportRepository.RejectedRow r : imports.rejected(id, offsetRows, limitRows)) {
                for (FieldViolation e : parseErrors(r.errors())) {
                    result.add(new ImportView.RowError(r.line(), e.field(), e.message()));
                }
            }
            return result;
        });
    }

    public List<ImportView.RowError> errorsPage(UUID id, PageRequest page) {
        access.requireMayRead(job(id));
        return rowErrors(id, page.offset(), page.size());
    }

    public record JobPage(List<ImportView> items, long total) {
    }

    /** Newest first: every job for the secretariat, the caller's own uploads for a coordinator. */
    public JobPage list(PageRequest page) {
        Rights rights = access.requireImporter();
        return QuarkusTransaction.joiningExisting().call(() -> {
            var sort = io.quarkus.panache.common.Sort.descending("createdAt").and("id");
            var q = rights.secretariat() ? imports.findAll(sort) : imports.find("createdBy", sort, rights.actor());
            List<ImportView> items = q.page(page.page(), page.size()).list().stream().map(this::view).toList();
            return new JobPage(items, q.count());
        });
    }

    String errors(List<FieldViolation> errors) {
        try {
            return json.writeValueAsString(errors);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<FieldViolation> parseErrors(String s) {
        if (s == null) {
            return List.of();
        }
        try {
            return json.readValue(s, ERRORS);
        } catch (JsonProcessingException e) {
            return List.of(new FieldViolation("row", s));
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    static final class TooLargeException extends IOException {
        TooLargeException() {
            super("upload too large");
        }
    }

    /** Counts bytes as they stream in and stops at the limit (chunked uploads carry no Content-Length). */
    static final class CountingStream extends FilterInputStream {
        final long max;
        long count;

        CountingStream(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(long n) throws TooLargeException {
            count += n;
            if (count > max) {
                throw new TooLargeException();
            }
        }
    }
}
