package org.tic.commons.security;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * With {@code tic.security.oidc.discovery=true}, points {@code mp.jwt.verify.publickey.location} at the issuer's
 * discovery document unless it is set explicitly (environment). Why: SmallRye JWT reads a non-HTTP key location when
 * its configuration bean is created and refuses to work when the file is absent (the packaged default names
 * {@code /etc/tic/jwt/public.pem}); an HTTP location is read lazily, and {@link IssuerDiscovery} replaces it with the
 * key set the document names. Ordinal 275: above application.properties (250), below the environment (300).
 */
public final class IssuerDiscoveryConfigSourceFactory implements ConfigSourceFactory {

    static final String LOCATION = "mp.jwt.verify.publickey.location";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue discovery = context.getValue("tic.security.oidc.discovery");
        if (discovery == null || !"true".equalsIgnoreCase(String.valueOf(discovery.getValue()).trim())) {
            return List.of();
        }
        String base = value(context, "tic.security.oidc.discovery-url");
        if (base == null) {
            base = value(context, "mp.jwt.verify.issuer");
        }
        if (base == null) {
            return List.of(); // IssuerDiscovery explains the missing issuer on the first token
        }
        String location = (base.endsWith("/") ? base : base + "/") + ".well-known/openid-configuration";
        return List.of(new PropertiesConfigSource(Map.of(LOCATION, location), "tic-oidc-discovery", 275));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(275);
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue v = context.getValue(name);
        return v == null || v.getValue() == null || v.getValue().isBlank() ? null : v.getValue().trim();
    }
}
