package org.tic.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/**
 * A JSON client with short timeouts that never throws on a failed call: every attempt ends in a {@link Result}
 * (a status, or the kind of transport failure and how long it took), which is what the fault and race checks count.
 */
public final class Http {

    static final ObjectMapper JSON = new ObjectMapper();

    /** How a call ended when no HTTP status came back. */
    public enum Failure { REFUSED, TIMEOUT, RESET }

    public record Result(int status, String contentType, String body, String etag, String location, Failure failure,
                         long millis, String error) {

        public boolean is2xx() {
            return failure == null && status / 100 == 2;
        }

        public boolean isProblemJson() {
            return contentType != null && contentType.toLowerCase().startsWith("application/problem+json");
        }

        public JsonNode json() {
            if (body == null || body.isBlank()) {
                return JSON.nullNode();
            }
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return JSON.nullNode();
            }
        }

        /** The ETag's version number, or -1. */
        public long etagVersion() {
            if (etag == null) {
                return -1;
            }
            try {
                return Long.parseLong(etag.replace("W/", "").replace("\"", "").trim());
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        public String brief() {
            return failure != null ? failure + " after " + millis + " ms (" + error + ")"
                    : status + " " + (body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    private final HttpClient client;
    private final Duration timeout;
    private volatile String token;

    public Http(Duration timeout, String token) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        this.timeout = timeout;
        this.token = token;
    }

    public Duration timeout() {
        return timeout;
    }

    public Result get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), null);
    }

    public Result post(String url, Object body) {
        return send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(write(body))), null);
    }

    public Result put(String url, Object body, String ifMatch) {
        return send(HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.ofString(write(body))), ifMatch);
    }

    public Result post(String url, Object body, String ifMatch) {
        return send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(write(body))), ifMatch);
    }

    private Result send(HttpRequest.Builder b, String ifMatch) {
        b.timeout(timeout).header("Accept", "application/json").header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            return new Result(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body(),
                    r.headers().firstValue("ETag").orElse(null), r.headers().firstValue("Location").orElse(null), null, ms, null);
        } catch (HttpConnectTimeoutException e) {
            return failed(Failure.TIMEOUT, t0, e);
        } catch (HttpTimeoutException e) {
            return failed(Failure.TIMEOUT, t0, e);
        } catch (ConnectException e) {
            return failed(Failure.REFUSED, t0, e);
        } catch (IOException e) {
            return failed(Failure.RESET, t0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(Failure.RESET, t0, e);
        }
    }

    private static Result failed(Failure f, long t0, Exception e) {
        return new Result(0, null, null, null, null, f, (System.nanoTime() - t0) / 1_000_000,
                e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    static String write(Object body) {
        try {
            return body == null ? "" : body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                m.put((String) kv[i], kv[i + 1]);
            }
        }
        return m;
    }
}
