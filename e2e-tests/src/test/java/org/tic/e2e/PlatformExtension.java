package org.tic.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.tic.devinfra.ApiClient;
import org.tic.devinfra.Platform;
import org.tic.devinfra.Ports;
import org.tic.devinfra.TestTokens;
import org.tic.devinfra.JwtMinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts the whole platform once for this test JVM: real PostgreSQL and Kafka, the three services from their
 * packaged jars, on free ports; stopped when the JVM ends (orphan guards cover a killed JVM).
 */
public final class PlatformExtension implements BeforeAllCallback {

    private static Platform platform;

    @Override
    public void beforeAll(ExtensionContext context) {
        platform();
    }

    public static synchronized Platform platform() {
        if (platform == null) {
            try {
                Path root = Path.of(System.getProperty("tic.repository.root", "..")).toAbsolutePath().normalize();
                Path work = Files.createTempDirectory("tic-e2e-");
                Map<String, String> env = Map.of(
                        "MP_JWT_VERIFY_PUBLICKEY_LOCATION", TestTokens.keys().publicKeyFile().toUri().toString(),
                        "MP_JWT_VERIFY_ISSUER", JwtMinter.DEFAULT_ISSUER);
                platform = Platform.start(new Platform.Options(root, work, Ports.free(), Ports.free(), Ports.free(),
                        Ports.free(), Ports.free(), Ports.free(), Ports.free(), false, true, env));
                Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "e2e-platform-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return platform;
    }

    public static ApiClient client(String service, String token) {
        return new ApiClient(platform().service(service).baseUrl()).withToken(token);
    }
}
