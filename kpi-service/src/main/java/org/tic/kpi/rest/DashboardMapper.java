package org.tic.kpi.rest;

import org.tic.kpi.repository.DashboardQueryRepository.ClusterListRow;
import org.tic.kpi.repository.DashboardQueryRepository.ClusterProjectRow;
import org.tic.kpi.repository.DashboardQueryRepository.DataFingerprint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;

/** Dashboard rows of the read models → the API views of the dashboard endpoints. */
final class DashboardMapper {

    private DashboardMapper() {
    }

    static DashboardViews.ClusterRow toView(ClusterListRow r) {
        return new DashboardViews.ClusterRow(r.id(), r.slug(), r.name(), r.country(), r.worldRegion(), r.type(),
                r.sectors(), r.status(), r.statusOrigin(), "SIGNATORY".equals(r.status()), r.currentStatus(),
                r.signatorySince(), r.joinedDate(), r.joinedYear(), r.successorId(), r.projects());
    }

    static DashboardViews.ProjectRow toView(ClusterProjectRow r) {
        return new DashboardViews.ProjectRow(r.id(), r.name(), r.category(), r.stage(), r.stageDate(), r.fidDate(),
                r.cancelledOn(), r.role(), r.viaMergedCluster(), r.leadClusterId(), r.participatingClusterIds(),
                r.countries(), r.corridor(), r.capacityValue(), r.capacityUnit(), r.co2eValue(), r.co2eUnit(),
                r.co2eMetricType());
    }

    /** The version is a hash of the UTC day and the fingerprint's parts. */
    static DashboardViews.DataVersion toView(LocalDate today, DataFingerprint f) {
        StringBuilder all = new StringBuilder(today.toString());
        for (String part : f.parts()) {
            all.append('|').append(part);
        }
        String version = sha256(all.toString()).substring(0, 24);
        return new DashboardViews.DataVersion(version, today, f.totalsChangedAt());
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
