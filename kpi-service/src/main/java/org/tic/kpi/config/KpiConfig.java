package org.tic.kpi.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** kpi-service settings. */
@ConfigMapping(prefix = "tic.kpi")
public interface KpiConfig {

    Imports imports();

    Rollups rollups();

    PublishedSnapshots publishedSnapshots();

    interface Imports {
        /** Largest CSV upload accepted, in bytes (also enforced while streaming chunked uploads). */
        @WithDefault("104857600")
        long maxBytes();

        /** Largest number of data rows in one upload. */
        @WithDefault("1000000")
        int maxRows();

        /** Rows staged per COPY (and transaction) while the upload streams in. */
        @WithDefault("5000")
        int stagingBatchSize();

        /** Rows a worker applies per transaction (validated, written and counted set-based). */
        @WithDefault("10000")
        int chunkSize();

        /** How long a worker's claim on a job lasts without progress before another worker may resume it. */
        @WithDefault("2m")
        Duration lease();

        /** How often to look for queued jobs nobody is working on (e.g. after a restart). */
        @WithDefault("10s")
        String pollEvery();
    }

    interface Rollups {
        /** Most points one time series may have (each point is an as-of roll-up). */
        @WithDefault("240")
        int maxTimeSeriesPoints();

        /** How soon after a change today's totals are checked (and announced if they moved); a burst is checked once. */
        @WithDefault("0.2s")
        String announceEvery();

        /** A check even without a local change: covers other replicas' changes and a crash between commit and check. */
        @WithDefault("30s")
        Duration sweepEvery();

        /** How many past dates' roll-ups each replica keeps (least recently used dropped first). */
        @WithDefault("64")
        int cachedDates();

        /** How long the log of what each change touched is kept (cached roll-ups older than that recompute). */
        @WithDefault("P1D")
        Duration changeLogRetention();
    }

    interface PublishedSnapshots {
        /** Load the initiative's published totals (classpath CSV) into published_snapshot at start-up. */
        @WithDefault("true")
        boolean load();

        @WithDefault("demo/initiative-snapshots.csv")
        String resource();
    }
}
