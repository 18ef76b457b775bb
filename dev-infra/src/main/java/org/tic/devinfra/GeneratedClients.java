package org.tic.devinfra;

import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

/** The generated contract clients (module api-client), pointed at a running service and calling with a token source. */
public final class GeneratedClients {

    private GeneratedClients() {
    }

    public static org.tic.client.membership.ApiClient membership(String baseUrl, Supplier<String> tokens) {
        org.tic.client.membership.ApiClient c = new org.tic.client.membership.ApiClient();
        c.updateBaseUri(URI.create(baseUrl).toString());
        c.setReadTimeout(Duration.ofSeconds(30));
        c.setRequestInterceptor(b -> {
            String token = tokens.get();
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
        });
        return c;
    }
}
