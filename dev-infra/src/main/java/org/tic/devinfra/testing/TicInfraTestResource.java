package org.tic.devinfra.testing;

import org.tic.devinfra.identity.JwtMinter;
import org.tic.devinfra.launcher.Infrastructure;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Quarkus test resource: gives a service the shared real PostgreSQL (its own database, named by the
 * {@code database} init argument) and the real Kafka broker. Started once per test JVM; stopped when the
 * JVM exits (or by the orphan guards if it is killed).
 */
public class TicInfraTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        Infrastructure infra = Infrastructure.shared();
        infra.postgres().createDatabase(database);
        Map<String, String> config = new java.util.LinkedHashMap<>(infra.serviceConfig(database));
        // Real signed tokens in tests: the services verify them against this key, tests mint them with TestTokens.
        config.put("mp.jwt.verify.publickey.location", TestTokens.keys().publicKeyFile().toUri().toString());
        config.put("mp.jwt.verify.issuer", JwtMinter.DEFAULT_ISSUER);
        return config;
    }

    @Override
    public void stop() {
        // Shared by every Quarkus start in this JVM; the JVM shutdown hook stops it.
    }
}
