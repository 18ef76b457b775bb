package org.tic.bench;

/** The fixes the profile points to, written into the report (the services are not changed by the benchmark). */
final class Recommendations {

    private Recommendations() {
    }

    static void add(Report report) {
        // filled in from the findings of the runs (see benchmarks/README.md)
    }
}
