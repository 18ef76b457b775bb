package org.tic.delivery.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.tic.delivery.config.DeliveryConfig;
import org.tic.delivery.domain.Change;
import org.tic.delivery.domain.Subscription;
import org.tic.delivery.domain.WebhookSignature;
import org.tic.delivery.domain.WebhookUrlPolicy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * One delivery attempt: the change as a CloudEvent over HTTP in binary mode (the {@code ce-*} headers, the data as
 * the JSON body), signed the Standard Webhooks way; {@code webhook-id} is the event id, the receiver's idempotency
 * key. Redirects are not followed (they could lead past the address check).
 */
@ApplicationScoped
public class WebhookSender {

    /** What one attempt gave: a status code (null when there was no answer), an error, the time it took. */
    public record Outcome(Integer statusCode, String error, int latencyMs) {
        public boolean delivered() {
            return statusCode != null && statusCode / 100 == 2;
        }
    }

    private final HttpClient http;
    private final DeliveryConfig.Webhooks config;
    private final WebhookUrlPolicy urls;
    private final Clock clock;

    public WebhookSender(DeliveryConfig config, WebhookUrlPolicy urls, Clock clock) {
        this.config = config.webhooks();
        this.urls = urls;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(this.config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public Outcome send(Subscription s, Change c) {
        long t0 = System.nanoTime();
        Optional<String> refused = urls.refusal(s.url());
        if (refused.isPresent()) {
            return new Outcome(null, "url " + refused.get(), 0);
        }
        Instant now = Instant.now(clock);
        long timestamp = now.getEpochSecond();
        String messageId = c.eventId().toString();
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(s.url().trim()))
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "TIC-Platform-Webhooks/1.0")
                .header("ce-specversion", "1.0")
                .header("ce-id", messageId)
                .header("ce-type", c.type())
                .header("ce-source", c.source())
                .header("ce-time", c.occurredAt().toString())
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.header(s.signingSecrets(now), messageId, timestamp, c.dataJson()))
                .POST(HttpRequest.BodyPublishers.ofString(c.dataJson()));
        if (c.subject() != null) {
            r.header("ce-subject", c.subject());
        }
        try {
            HttpResponse<Void> response = http.send(r.build(), HttpResponse.BodyHandlers.discarding());
            int code = response.statusCode();
            return new Outcome(code, code / 100 == 2 ? null : "HTTP " + code, millisSince(t0));
        } catch (HttpTimeoutException e) {
            return new Outcome(null, "no answer within " + config.requestTimeout().toMillis() + " ms", millisSince(t0));
        } catch (IOException e) {
            return new Outcome(null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    millisSince(t0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted (shutdown)", millisSince(t0));
        }
    }

    private static int millisSince(long t0) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - t0) / 1_000_000);
    }
}
