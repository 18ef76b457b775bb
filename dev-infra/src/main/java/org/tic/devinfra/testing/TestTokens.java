package org.tic.devinfra.testing;

import org.tic.devinfra.identity.JwtKeys;
import org.tic.devinfra.identity.JwtMinter;
import org.tic.devinfra.identity.Tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** Tokens for tests, signed with a key pair generated once per test JVM. */
public final class TestTokens {

    private static JwtKeys keys;
    private static JwtMinter minter;

    private TestTokens() {
    }

    public static synchronized JwtKeys keys() {
        if (keys == null) {
            try {
                Path dir = Files.createTempDirectory("tic-jwt-");
                dir.toFile().deleteOnExit();
                keys = JwtKeys.loadOrCreate(dir);
                minter = new JwtMinter(keys.privateKey(), JwtMinter.DEFAULT_ISSUER);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return keys;
    }

    public static JwtMinter minter() {
        keys();
        return minter;
    }

    public static String secretariat() {
        return minter().secretariat("secretariat-" + UUID.randomUUID().toString().substring(0, 8));
    }

    public static String coordinator(Object... clusterIds) {
        return minter().coordinator("coordinator-" + UUID.randomUUID().toString().substring(0, 8),
                java.util.Arrays.stream(clusterIds).map(String::valueOf).toList());
    }

    public static String partner(Object organizationId) {
        return minter().partner("partner-" + UUID.randomUUID().toString().substring(0, 8), String.valueOf(organizationId));
    }

}
