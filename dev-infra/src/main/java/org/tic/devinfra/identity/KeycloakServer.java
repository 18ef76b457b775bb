package org.tic.devinfra.identity;

import org.tic.devinfra.database.PostgresServer;
import org.tic.devinfra.launcher.Infrastructure;
import org.tic.devinfra.process.ChildProcess;
import org.tic.devinfra.process.OrphanGuard;
import org.tic.devinfra.process.Ports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A real Keycloak, the platform's identity provider, in its own JVM from the Maven distribution, storing its data in
 * the platform's PostgreSQL (database {@code keycloak}). On first start it imports the {@code tic} realm (roles,
 * claims, clients, demo users: {@code keycloak/tic-realm.json} beside this class). The admin calls here are what the
 * local run and the tests need: tokens for users, users with TIC attributes, signing-key rotation.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "tic";
    public static final String DATABASE = "keycloak";
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";
    /** The service account membership-service registers partner clients with (secret: dev realm only). */
    public static final String MEMBERSHIP_ADMIN_CLIENT = "tic-membership-admin";
    public static final String MEMBERSHIP_ADMIN_SECRET = "tic-membership-admin-dev-secret";
    /** The dev realm's password-grant client (for curl and tests). */
    public static final String CLI_CLIENT = "tic-cli";
    public static final String AUDIENCE = "tic-platform";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOST = "127.0.0.1";

    private static KeycloakServer shared;

    private final Path directory;
    private final int port;
    private final int managementPort;
    private final PostgresServer postgres;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;
    private Process guard;
    private Duration startTime;

    private KeycloakServer(Path directory, int port, int managementPort, PostgresServer postgres) {
        this.directory = directory;
        this.port = port;
        this.managementPort = managementPort;
        this.postgres = postgres;
    }

    /** Starts Keycloak (preparing the distribution on first use) and imports the realm if it is not there yet. */
    public static KeycloakServer start(Path directory, int port, int managementPort, PostgresServer postgres) {
        KeycloakServer server = new KeycloakServer(directory, port, managementPort, postgres);
        server.start();
        return server;
    }

    /** One Keycloak for all tests of this JVM, on the shared PostgreSQL and free ports; stopped when the JVM exits. */
    public static synchronized KeycloakServer shared() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("tic-keycloak-");
                shared = start(dir, Ports.free(), Ports.free(), Infrastructure.shared().postgres());
                Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "tic-keycloak-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    private synchronized void start() {
        Path home = KeycloakDistribution.prepared();
        postgres.createDatabase(DATABASE);
        long t0 = System.nanoTime();
        try {
            Files.createDirectories(directory);
            List<String> args = List.of("start", "--optimized",
                    "--http-enabled=true", "--http-host=" + HOST, "--http-port=" + port,
                    "--http-management-port=" + managementPort,
                    // Tokens name this URL as their issuer; browsers and the services both reach it on this machine.
                    "--hostname=http://localhost:" + port,
                    "--db-url=" + postgres.jdbcUrl(DATABASE), "--db-username=" + PostgresServer.USER,
                    "--db-password=" + PostgresServer.PASSWORD,
                    "--log-level=WARN,org.keycloak.services:INFO,io.quarkus:INFO");
            ProcessBuilder pb = new ProcessBuilder(KeycloakDistribution.command(home,
                    List.of("-Xms64m", "-Xmx" + System.getenv().getOrDefault("TIC_KEYCLOAK_HEAP", "384m")), args));
            pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
            pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            process = pb.redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("keycloak.log").toFile()))
                    .start();
            guard = OrphanGuard.watch(process.pid(), "TERM");
            awaitReady(Duration.ofSeconds(240));
            startTime = Duration.ofNanos(System.nanoTime() - t0);
            importRealmIfAbsent();
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("Keycloak did not start, see " + directory.resolve("keycloak.log"), e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI ready = URI.create("http://" + HOST + ":" + managementPort + "/health/ready");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + ", see "
                        + directory.resolve("keycloak.log"));
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause(500);
        }
        throw new IllegalStateException("Keycloak was not ready within " + timeout.toSeconds() + " s, see "
                + directory.resolve("keycloak.log"));
    }

    private void importRealmIfAbsent() {
        if (adminCall("GET", "/admin/realms/" + REALM, null).statusCode() == 200) {
            return;
        }
        try (InputStream in = KeycloakServer.class.getResourceAsStream("/org/tic/devinfra/keycloak/tic-realm.json")) {
            String realm = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            expect(adminCall("POST", "/admin/realms", realm), 201, "import the realm");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- what the platform is told about its identity provider

    public String baseUrl() {
        return baseUrl(port);
    }

    public String issuer() {
        return issuer(port);
    }

    static String baseUrl(int port) {
        return "http://localhost:" + port;
    }

    /** The issuer of a Keycloak on this port, known before it has started (services may start first). */
    public static String issuer(int port) {
        return baseUrl(port) + "/realms/" + REALM;
    }

    public String tokenUrl() {
        return issuer() + "/protocol/openid-connect/token";
    }

    /** How long the last start took until ready (the realm import not included). */
    public Duration startTime() {
        return startTime;
    }

    public long pid() {
        return process == null ? -1 : process.pid();
    }

    /** The environment a service needs to trust this provider (issuer discovery, JWKS, audience in its config). */
    public Map<String, String> serviceEnvironment(boolean membership) {
        return serviceEnvironment(port, membership);
    }

    /** The same, for a Keycloak that is still starting on this port. */
    public static Map<String, String> serviceEnvironment(int port, boolean membership) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MP_JWT_VERIFY_ISSUER", issuer(port));
        env.put("TIC_SECURITY_OIDC_DISCOVERY", "true");
        if (membership) {
            env.put("TIC_IDENTITY_PROVIDER_URL", baseUrl(port));
            env.put("TIC_IDENTITY_PROVIDER_REALM", REALM);
            env.put("TIC_IDENTITY_PROVIDER_ADMIN_CLIENT_ID", MEMBERSHIP_ADMIN_CLIENT);
            env.put("TIC_IDENTITY_PROVIDER_ADMIN_CLIENT_SECRET", MEMBERSHIP_ADMIN_SECRET);
        }
        return env;
    }

    // ---- tokens

    /** A user's access token from the password grant of the dev realm's {@code tic-cli} client. */
    public String passwordToken(String username, String password) {
        return token(Map.of("grant_type", "password", "client_id", CLI_CLIENT, "username", username, "password", password));
    }

    /** A machine client's access token (client-credentials grant). */
    public String clientToken(String clientId, String secret) {
        return token(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    /** The raw token endpoint answer (status and body), for tests of refusals. */
    public HttpResponse<String> tokenResponse(Map<String, String> form) {
        return postForm(tokenUrl(), form);
    }

    private String token(Map<String, String> form) {
        HttpResponse<String> r = tokenResponse(form);
        expect(r, 200, "get a token for " + form.getOrDefault("username", form.get("client_id")));
        return read(r.body()).path("access_token").asText();
    }

    // ---- users

    /**
     * Creates (or updates) a user with one realm role and TIC attributes ({@code org}, {@code clusters}), password
     * equal to the username: how the tests make a coordinator of the cluster they just created.
     */
    public void ensureUser(String username, String role, Map<String, List<String>> attributes) {
        String id = userId(username);
        ObjectNode user = JSON.createObjectNode()
                .put("username", username).put("enabled", true).put("emailVerified", true)
                .put("email", username + "@users.tic.local").put("firstName", username).put("lastName", "TIC");
        user.set("attributes", JSON.valueToTree(attributes));
        if (id == null) {
            user.set("credentials", JSON.valueToTree(List.of(Map.of("type", "password", "value", username, "temporary", false))));
            expect(adminCall("POST", "/admin/realms/" + REALM + "/users", user.toString()), 201, "create user " + username);
            id = userId(username);
            JsonNode roleRep = read(expect(adminCall("GET", "/admin/realms/" + REALM + "/roles/" + role, null), 200,
                    "read role " + role).body());
            expect(adminCall("POST", "/admin/realms/" + REALM + "/users/" + id + "/role-mappings/realm",
                    "[" + roleRep + "]"), 204, "grant " + role);
        } else {
            expect(adminCall("PUT", "/admin/realms/" + REALM + "/users/" + id, user.toString()), 204, "update user " + username);
        }
    }

    /** A user's token with these TIC attributes (the user is created or updated first). */
    public String tokenFor(String username, String role, Map<String, List<String>> attributes) {
        ensureUser(username, role, attributes);
        return passwordToken(username, username);
    }

    /**
     * This user's tokens, fetched again shortly before each expires (access tokens live 5 minutes in the realm):
     * for clients that outlive one token. The user is created or updated first.
     */
    public Supplier<String> tokens(String username, String role, Map<String, List<String>> attributes) {
        ensureUser(username, role, attributes);
        return new Supplier<>() {
            private String token;
            private long refreshAt;

            @Override
            public synchronized String get() {
                long now = System.currentTimeMillis() / 1000;
                if (token == null || now >= refreshAt) {
                    token = passwordToken(username, username);
                    refreshAt = expiry(token) - 30;
                }
                return token;
            }
        };
    }

    /** A token's {@code exp} (epoch seconds), read without verifying: only to know when to fetch the next one. */
    static long expiry(String token) {
        String[] parts = token.split("\\.");
        return read(new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)).path("exp").asLong();
    }

    private String userId(String username) {
        HttpResponse<String> r = expect(adminCall("GET", "/admin/realms/" + REALM + "/users?exact=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8), null), 200, "find user " + username);
        JsonNode users = read(r.body());
        return users.isEmpty() ? null : users.get(0).path("id").asText();
    }

    // ---- keys

    /**
     * Rotates the realm's signing key as an operator would: a new RSA key with a higher priority signs from now on;
     * the old one stays published (passive) so tokens it signed still verify until they expire.
     */
    public void rotateSigningKey() {
        String realmId = read(expect(adminCall("GET", "/admin/realms/" + REALM, null), 200, "read the realm").body())
                .path("id").asText();
        long priority = 1000 + System.currentTimeMillis() / 1000 % 100000;
        Map<String, Object> component = Map.of("name", "rsa-rotated-" + priority, "providerId", "rsa-generated",
                "providerType", "org.keycloak.keys.KeyProvider", "parentId", realmId,
                "config", Map.of("priority", List.of(String.valueOf(priority)), "keySize", List.of("2048"),
                        "active", List.of("true"), "enabled", List.of("true"), "algorithm", List.of("RS256")));
        try {
            expect(adminCall("POST", "/admin/realms/" + REALM + "/components", JSON.writeValueAsString(component)), 201,
                    "add a signing key");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- admin API

    /** A call to Keycloak's admin REST API as the bootstrap admin. */
    public HttpResponse<String> adminCall(String method, String path, String jsonBody) {
        HttpResponse<String> login = postForm(baseUrl() + "/realms/master/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "admin-cli", "username", ADMIN_USER, "password", ADMIN_PASSWORD));
        String token = read(expect(login, 200, "log in as the admin").body()).path("access_token").asText();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        if (jsonBody != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return send(b.build());
    }

    private HttpResponse<String> postForm(String url, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> expect(HttpResponse<String> r, int status, String what) {
        if (r.statusCode() != status) {
            throw new IllegalStateException("Keycloak: cannot " + what + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return r;
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis); // polling a child process's readiness, not waiting in a test
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Graceful stop (SIGTERM, then SIGKILL after 30 s). */
    @Override
    public synchronized void close() {
        if (process == null) {
            return;
        }
        ChildProcess.stop(process, guard, false);
        process = null;
        guard = null;
    }
}
