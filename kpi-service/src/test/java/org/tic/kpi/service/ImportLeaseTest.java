package org.tic.kpi.service;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.tic.kpi.Db;
import org.tic.kpi.Fixtures;
import org.tic.kpi.repository.ImportedReportWriter;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A job taken over mid-way: the worker it was taken from cannot apply another chunk; every row lands once. */
@QuarkusTest
class ImportLeaseTest {

    private static final List<String> COLUMNS = List.of("cluster", "metric", "jobs.kind", "jobs.effect", "jobs.phase", "value",
            "unit", "periodStart", "periodEnd", "source.document", "reportedBy", "confidence");

    @Inject
    ImportChunkApplier chunks;

    @Inject
    ImportWorker worker;

    @Test
    void aWorkerWhoseLeaseWasTakenOverAppliesNothingAndNoRowLandsTwice() {
        UUID cluster = Fixtures.signatory("Lease Cluster", "NO", 2024);
        UUID id = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        int rows = 130; // chunks of 50 in the test profile
        // As a worker holds it: RUNNING under owner "first", lease live (the periodic scan leaves it alone).
        Db.execute("insert into kpi_import (id, status, columns, rows_total, created_at, created_by, actor_secretariat, "
                + "started_at, lease_until, lease_owner, version) values ('" + id + "', 'RUNNING', '{" + String.join(",", COLUMNS)
                + "}', " + rows + ", now(), 'secretariat-lease', true, now(), now() + interval '10 minutes', '" + first + "', 1)");
        Db.execute("insert into kpi_import_row (import_id, line_no, fields, status) select '" + id + "', g + 1, array['"
                + cluster + "','JOBS','CREATED','DIRECT','OPERATION', g::text,'HEADCOUNT','2022-01-01','2022-12-31','doc','x',"
                + "'REPORTED'], 'PENDING' from generate_series(1, " + rows + ") g");
        Rights rights = new Rights("secretariat-lease", true, Set.of());
        ImportChunkApplier.Job stale = new ImportChunkApplier.Job(id, first, COLUMNS, rights);

        assertEquals(50, chunks.applyNext(stale, 50, Instant.now().plusSeconds(600)).imported());

        // Another worker takes the job over (as a claim after the lease expired does: a new owner, a new lease).
        UUID second = UUID.randomUUID();
        Db.execute("update kpi_import set lease_owner = '" + second + "', lease_until = now() + interval '10 minutes' "
                + "where id = '" + id + "'");
        assertThrows(ImportChunkApplier.LeaseLost.class, () -> chunks.applyNext(stale, 50, Instant.now().plusSeconds(600)));
        assertEquals(50, Db.count("select count(*) from kpi_report where import_id = '" + id + "'"));
        assertEquals(50, Db.count("select rows_done from kpi_import where id = '" + id + "'"));

        // The new holder applies the rest from the first pending row and completes; the old one still cannot.
        worker.applyAll(new ImportChunkApplier.Job(id, second, COLUMNS, rights));
        assertThrows(ImportChunkApplier.LeaseLost.class, () -> chunks.applyNext(stale, 50, Instant.now().plusSeconds(600)));
        assertEquals("COMPLETED | " + rows + " | " + rows + " | 0", Db.rows("select status, rows_done, rows_imported, "
                + "rows_rejected from kpi_import where id = '" + id + "'").get(0));
        assertEquals(rows, Db.count("select count(*) from kpi_report where import_id = '" + id + "'"));
        assertEquals(rows, Db.count("select count(distinct value) from kpi_report where import_id = '" + id + "'"));
        assertEquals(rows, Db.count("select count(*) from kpi_import_row where import_id = '" + id + "' and status = 'IMPORTED' "
                + "and report_id in (select id from kpi_report where import_id = '" + id + "')"));
        assertEquals(rows, Db.count("select count(*) from outbox_event where event_type = 'tic.kpi.report.reported.v1' and "
                + "aggregate_id in (select id::text from kpi_report where import_id = '" + id + "')"));
    }

    @Test
    void theBulkWriterNamesEveryColumnOfTheReportTable() {
        // A column added to kpi_report must be written by the import too (same columns as the single-report path).
        List<String> table = Db.rows("select column_name from information_schema.columns where table_name = 'kpi_report' "
                + "order by column_name");
        assertEquals(table, ImportedReportWriter.COLUMNS.stream().sorted().toList());
    }
}
