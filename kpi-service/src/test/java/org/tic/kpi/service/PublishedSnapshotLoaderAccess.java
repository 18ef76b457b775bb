package org.tic.kpi.service;

/** Opens the loader's package-private wording rule to tests in other packages. */
public final class PublishedSnapshotLoaderAccess {

    private PublishedSnapshotLoaderAccess() {
    }

    public static String co2eMetricType(String wording) {
        return PublishedSnapshotLoader.co2eMetricType(wording);
    }
}
