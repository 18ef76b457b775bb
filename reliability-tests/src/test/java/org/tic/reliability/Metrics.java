package org.tic.reliability;

/** Reads a Prometheus metric family's total from a service's /q/metrics. */
final class Metrics {

    private Metrics() {
    }

    /** Sum of all samples of the family, or NaN when the endpoint did not answer. */
    static double sum(Http http, String baseUrl, String family) {
        Http.Result r = http.get(baseUrl + "/q/metrics");
        if (r.status() != 200 || r.body() == null) {
            return Double.NaN;
        }
        double sum = 0;
        for (String line : r.body().split("\n")) {
            if (line.startsWith(family + "{") || line.startsWith(family + " ")) {
                String[] parts = line.trim().split("\\s+");
                try {
                    sum += Double.parseDouble(parts[parts.length - 1]);
                } catch (NumberFormatException ignored) {
                    // not a sample line
                }
            }
        }
        return sum;
    }
}
