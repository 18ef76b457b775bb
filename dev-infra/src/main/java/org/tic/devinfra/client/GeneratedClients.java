package org.tic.devinfra.client;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The generated contract clients (module api-client), pointed at a running service and calling with a token source
 * (asked on every call: identity-provider tokens live minutes; a supplier answering null calls anonymously). One
 * factory per service: the four generated ApiClient classes share no supertype.
 */
public final class GeneratedClients {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private GeneratedClients() {
    }

    public static org.tic.client.membership.ApiClient membership(String baseUrl, Supplier<String> tokens) {
        var c = new org.tic.client.membership.ApiClient();
        c.updateBaseUri(uri(baseUrl));
        return c.setReadTimeout(READ_TIMEOUT).setRequestInterceptor(bearer(tokens));
    }

    public static org.tic.client.project.ApiClient project(String baseUrl, Supplier<String> tokens) {
        var c = new org.tic.client.project.ApiClient();
        c.updateBaseUri(uri(baseUrl));
        return c.setReadTimeout(READ_TIMEOUT).setRequestInterceptor(bearer(tokens));
    }

    public static org.tic.client.kpi.ApiClient kpi(String baseUrl, Supplier<String> tokens) {
        var c = new org.tic.client.kpi.ApiClient();
        c.updateBaseUri(uri(baseUrl));
        return c.setReadTimeout(READ_TIMEOUT).setRequestInterceptor(bearer(tokens));
    }

    public static org.tic.client.delivery.ApiClient delivery(String baseUrl, Supplier<String> tokens) {
        var c = new org.tic.client.delivery.ApiClient();
        c.updateBaseUri(uri(baseUrl));
        return c.setReadTimeout(READ_TIMEOUT).setRequestInterceptor(bearer(tokens));
    }

    private static String uri(String baseUrl) {
        return URI.create(baseUrl).toString();
    }

    /** Adds {@code Authorization: Bearer} with the supplier's current token; none when it answers null. */
    private static Consumer<HttpRequest.Builder> bearer(Supplier<String> tokens) {
        return b -> {
            String token = tokens.get();
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
        };
    }
}
