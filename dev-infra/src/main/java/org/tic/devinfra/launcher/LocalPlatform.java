package org.tic.devinfra.launcher;

import org.tic.devinfra.client.ApiClient;
import org.tic.devinfra.demo.DemoData;
import org.tic.devinfra.identity.JwtKeys;
import org.tic.devinfra.identity.JwtMinter;
import org.tic.devinfra.identity.KeycloakServer;
import org.tic.devinfra.identity.Tokens;
import org.tic.devinfra.process.Ports;
import org.tic.devinfra.process.ServiceProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * {@code ./run-local.sh}: the whole platform on this machine with real PostgreSQL and Kafka, data kept in
 * {@code .tic-local/} across restarts, demo data loaded on first start, everything stopped on Ctrl-C.
 * <p>
 * Options: {@code --reset} deletes the local data first; {@code --no-demo} skips the demo data;
 * {@code --local-keys} runs without Keycloak, on tokens signed by a key pair made here (starts ~15 s faster and
 * saves ~0.5 GiB). Ports come from TIC_PG_PORT (55432), TIC_KAFKA_PORT (59092), TIC_KAFKA_CONTROLLER_PORT (59093),
 * TIC_KEYCLOAK_PORT (8180) and the services' fixed ports 8081-8084 (TIC_MEMBERSHIP_PORT, TIC_PROJECT_PORT,
 * TIC_KPI_PORT, TIC_DELIVERY_PORT).
 */
public final class LocalPlatform {

    private LocalPlatform() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        Path root = Path.of("").toAbsolutePath();
        Path work = root.resolve(".tic-local");
        if (options.contains("--help") || options.contains("-h")) {
            System.out.println("usage: ./run-local.sh [--reset] [--no-demo] [--local-keys]");
            return;
        }
        if (options.contains("--reset")) {
            System.out.println("Deleting local data in " + work);
            deleteRecursively(work);
        }
        int pg = port("TIC_PG_PORT", 55432);
        int kafka = port("TIC_KAFKA_PORT", 59092);
        int controller = port("TIC_KAFKA_CONTROLLER_PORT", 59093);
        int membership = port("TIC_MEMBERSHIP_PORT", 8081);
        int project = port("TIC_PROJECT_PORT", 8082);
        int kpi = port("TIC_KPI_PORT", 8083);
        int delivery = port("TIC_DELIVERY_PORT", 8084);
        boolean localKeys = options.contains("--local-keys");
        int keycloak = localKeys ? 0 : port("TIC_KEYCLOAK_PORT", 8180);
        List<Integer> ports = new java.util.ArrayList<>(List.of(pg, kafka, controller, membership, project, kpi, delivery));
        if (keycloak > 0) {
            ports.add(keycloak);
        }
        for (int p : ports) {
            if (Ports.isOpen("127.0.0.1", p)) {
                System.err.println("Port " + p + " is already in use (another run of the platform?). "
                        + "Stop it, or choose other ports with the TIC_*_PORT variables.");
                System.exit(2);
            }
        }

        Map<String, String> env = new java.util.LinkedHashMap<>(Map.of(
                // Local development: webhook receivers on this machine, over http (production refuses both).
                "TIC_DELIVERY_WEBHOOKS_ALLOW_INSECURE_URLS", "true",
                "TIC_DELIVERY_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", "true"));
        JwtMinter minter = null;
        if (localKeys) {
            // A key pair made on first start (never in git) signs the tokens printed below; the services trust it.
            JwtKeys keys = JwtKeys.loadOrCreate(work.resolve("keys"));
            minter = new JwtMinter(keys.privateKey(), JwtMinter.DEFAULT_ISSUER);
            env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKeyFile().toUri().toString());
            env.put("MP_JWT_VERIFY_ISSUER", JwtMinter.DEFAULT_ISSUER);
        }

        System.out.println("Starting PostgreSQL, Kafka" + (localKeys ? "" : ", Keycloak") + " and the services (data in "
                + work + ") ...");
        long started = System.nanoTime();
        Platform.Options o = new Platform.Options(root, work, pg, kafka, controller, membership, project, kpi,
                delivery, true, false, env, keycloak);
        Platform platform;
        try {
            platform = Platform.start(o);
        } catch (RuntimeException e) {
            System.err.println("The platform did not start: " + e.getMessage());
            System.err.println("Logs: " + work.resolve("logs"));
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the services, Keycloak, Kafka and PostgreSQL ...");
            platform.close();
            System.out.println("Stopped.");
            stopped.countDown();
        }, "tic-local-stop"));

        KeycloakServer idp = platform.identityProvider();
        java.util.function.Supplier<String> secretariat;
        if (idp != null) {
            secretariat = idp.tokens("secretariat", "secretariat", Map.of());
        } else {
            String token = minter.secretariat("secretariat@tic.local");
            secretariat = () -> token;
        }
        ApiClient membershipApi = new ApiClient(platform.service("membership-service").baseUrl()).withTokens(secretariat);
        DemoData demo = new DemoData(root, membershipApi);
        if (!options.contains("--no-demo") && demo.isEmpty()) {
            System.out.println("Loading demo data (real member clusters from public sources) ...");
            int clusters = demo.loadClusters();
            System.out.println("  " + clusters + " clusters loaded");
            ApiClient projectApi = new ApiClient(platform.service("project-service").baseUrl()).withTokens(secretariat);
            System.out.println("  " + demo.loadProjects(projectApi) + " projects loaded");
        }

        Tokens tokens = idp != null ? Tokens.fromKeycloak(work, idp, membershipApi)
                : Tokens.write(work, minter, secretariat.get(), membershipApi);

        System.out.printf("%nTIC Platform is up in %.0f s.%n%n", (System.nanoTime() - started) / 1e9);
        for (ServiceProcess s : platform.services().values()) {
            System.out.printf("  %-19s %s/api/v1   Swagger UI %s/q/swagger-ui   health %s/q/health%n",
                    s.name(), s.baseUrl(), s.baseUrl(), s.baseUrl());
        }
        System.out.printf("%n  PostgreSQL          jdbc:postgresql://127.0.0.1:%d/{membership,project,kpi,delivery} (postgres/postgres)%n", pg);
        System.out.printf("  Kafka               127.0.0.1:%d%n", kafka);
        if (idp != null) {
            System.out.printf("  Keycloak            %s (realm %s; admin console %s/admin, admin/admin)%n", idp.baseUrl(),
                    KeycloakServer.REALM, idp.baseUrl());
        }
        ServiceProcess kpiService = platform.service("kpi-service");
        String web = "http://localhost:" + kpiService.port();
        System.out.printf("  Dashboard           %s/dashboard/%n", web);
        System.out.printf("  Console             %s/console/ (%s)%n", web, idp != null
                ? "sign in as secretariat/secretariat or coordinator/coordinator" : "paste a token printed below");
        System.out.printf("  Logs                %s%n%n", work.resolve("logs"));
        tokens.print();
        System.out.printf("%nPress Ctrl-C to stop.%n");
        stopped.await();
    }

    private static int port(String env, int fallback) {
        String v = System.getenv(env);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

}
