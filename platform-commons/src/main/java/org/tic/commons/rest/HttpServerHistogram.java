package org.tic.commons.rest;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Arrays;

/**
 * Latency buckets for {@code http.server.requests}, so Prometheus can compute a p99 per service
 * ({@code histogram_quantile} over {@code http_server_requests_seconds_bucket}; the TicHttpLatencyHigh alert). A fixed,
 * short list of bounds rather than Micrometer's percentile histogram: ten series per route instead of ~70.
 */
@Singleton
public class HttpServerHistogram {

    static final String METER = "http.server.requests";
    static final Duration[] BOUNDS = {Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)};

    @Produces
    @Singleton
    public MeterFilter httpServerBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!METER.equals(id.getName())) {
                    return config;
                }
                // timers keep their bounds in nanoseconds
                double[] nanos = Arrays.stream(BOUNDS).mapToDouble(d -> (double) d.toNanos()).toArray();
                return DistributionStatisticConfig.builder().serviceLevelObjectives(nanos).build().merge(config);
            }
        };
    }
}
