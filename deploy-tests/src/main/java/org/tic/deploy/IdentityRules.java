package org.tic.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.tic.deploy.PolicyRules.Jdbc;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.tic.deploy.NetworkReach.httpUrl;
import static org.tic.deploy.Overlay.app;
import static org.tic.deploy.Overlay.mainContainer;
import static org.tic.deploy.Overlay.secretRef;
import static org.tic.deploy.Overlay.texts;
import static org.tic.deploy.PolicyRules.IDENTITY_ADMINS;
import static org.tic.deploy.PolicyRules.KEYCLOAK;
import static org.tic.deploy.PolicyRules.KEYCLOAK_REQUIRED_ENV;
import static org.tic.deploy.PolicyRules.REALM_IMPORT_DIR;
import static org.tic.deploy.Selectors.selects;

/**
 * Keycloak in production mode (start, --import-realm, health, proxy headers, a public hostname, its database, the
 * bootstrap admin and in production the realm from Secrets), and every service pointed at it: keys from the realm's
 * discovery document on the Keycloak Service, the issuer equal to Keycloak's public URL + /realms/&lt;realm&gt;, egress
 * allowed, membership-service's admin client (rule identity).
 */
final class IdentityRules extends OverlayCheck {

    private static final Pattern REALM_PATH = Pattern.compile("/realms/([^/]+)/?");

    private final NetworkReach net;

    IdentityRules(Overlay overlay) {
        super(overlay);
        this.net = new NetworkReach(overlay);
    }

    void check() {
        List<Manifest> idps = of("Deployment").stream().filter(d -> app(d).equals(KEYCLOAK.app())).toList();
        Manifest idp = idps.isEmpty() ? null : idps.get(0);
        String realm = null;
        String hostname = null;
        Manifest idpService = null;
        if (idp != null) {
            JsonNode c = mainContainer(idp);
            Map<String, String> env = environment(c);
            hostname = env.get("KC_HOSTNAME");
            realm = keycloak(idp, c, env);
            idpService = of("Service").stream().filter(s -> selects(s.spec().path("selector"), idp.podLabels(), true))
                    .findFirst().orElse(null);
            if (idpService == null) {
                add("identity", idp, "no Service selects the Keycloak pods: the services cannot reach the realm");
            }
        }
        for (Manifest d : of("Deployment")) {
            Optional<ServiceConfig> sc = ServiceConfig.load(repoRoot, app(d));
            if (sc.isPresent()) {
                tokens(d, sc.get(), idp, idpService, hostname, realm);
            }
        }
    }

    /** Keycloak's own settings; returns the realm name of the imported file when the manifests hold it. */
    private String keycloak(Manifest d, JsonNode c, Map<String, String> env) {
        String image = ImageRef.parse(c.path("image").asText("")).name();
        if (!image.equals(KEYCLOAK.image())) {
            add("identity", d, "image " + c.path("image").asText() + " is not " + KEYCLOAK.image());
        }
        List<String> args = new ArrayList<>(texts(c.path("command")));
        args.addAll(texts(c.path("args")));
        if (args.contains("start-dev")) {
            add("identity", d, "runs start-dev (development mode); production runs 'start'");
        } else if (!args.contains("start")) {
            add("identity", d, "does not run 'start' (args " + args + ")");
        }
        if (!args.contains("--import-realm")) {
            add("identity", d, "does not import the realm at start-up (--import-realm)");
        }
        KEYCLOAK_REQUIRED_ENV.forEach((k, v) -> {
            if (!v.equals(env.get(k))) {
                add("identity", d, k + "=" + env.get(k) + ", must be " + v);
            }
        });
        String proxy = env.getOrDefault("KC_PROXY_HEADERS", "");
        if (!proxy.equals("xforwarded") && !proxy.equals("forwarded")) {
            add("identity", d, "KC_PROXY_HEADERS=" + proxy + ": behind the TLS-terminating ingress it must be xforwarded or forwarded");
        }
        String hostname = env.getOrDefault("KC_HOSTNAME", "");
        if (!hostname.matches("https?://[^/]+/?")) {
            add("identity", d, "KC_HOSTNAME=" + hostname + " is not the public URL (scheme://host[:port])");
        } else if (production && !hostname.startsWith("https://")) {
            add("identity", d, "KC_HOSTNAME=" + hostname + ": production issues tokens on https only");
        }
        String url = env.get(KEYCLOAK.jdbcUrlVariable());
        if (url == null || !url.startsWith("jdbc:postgresql://")) {
            add("identity", d, KEYCLOAK.jdbcUrlVariable() + "=" + url + " is not a PostgreSQL JDBC URL");
        } else if (!Jdbc.database(url).equals(KEYCLOAK.database())) {
            add("identity", d, "connects to database '" + Jdbc.database(url) + "', Keycloak's is '" + KEYCLOAK.database() + "'");
        }
        for (String admin : List.of("KC_BOOTSTRAP_ADMIN_USERNAME", "KC_BOOTSTRAP_ADMIN_PASSWORD")) {
            if (secretRef(c, admin) == null) {
                add("identity", d, admin + " must be taken from a Secret (env valueFrom.secretKeyRef)");
            }
        }
        if (args.contains("--optimized")) {
            optimized(d, c, env);
        }
        // The realm file.
        JsonNode pod = d.spec().path("template").path("spec");
        String volume = null;
        for (JsonNode m : c.path("volumeMounts")) {
            if (m.path("mountPath").asText().replaceFirst("/$", "").equals(REALM_IMPORT_DIR)) {
                volume = m.path("name").asText();
            }
        }
        if (volume == null) {
            add("identity", d, "nothing is mounted on " + REALM_IMPORT_DIR + ": --import-realm imports no realm");
            return null;
        }
        for (JsonNode v : pod.path("volumes")) {
            if (!v.path("name").asText().equals(volume)) {
                continue;
            }
            if (v.has("configMap")) {
                String cm = v.path("configMap").path("name").asText();
                if (production) {
                    add("identity", d, "imports its realm from ConfigMap " + cm + " in production: a realm file holds "
                            + "client secrets and user passwords, mount a Secret created out of band (deploy/README.md)");
                }
                return named("ConfigMap", cm).map(IdentityRules::realmName).orElse(null);
            }
            if (!v.has("secret")) {
                add("identity", d, "volume " + volume + " on " + REALM_IMPORT_DIR + " is neither a Secret nor a ConfigMap");
            }
        }
        return null;
    }

    /** start --optimized runs what an init container built: the same image, the same build options. */
    private void optimized(Manifest d, JsonNode c, Map<String, String> env) {
        JsonNode build = null;
        for (JsonNode ic : d.spec().path("template").path("spec").path("initContainers")) {
            List<String> cmd = new ArrayList<>(texts(ic.path("command")));
            cmd.addAll(texts(ic.path("args")));
            if (cmd.contains("build") && ic.path("image").asText().equals(c.path("image").asText())) {
                build = ic;
            }
        }
        if (build == null) {
            add("identity", d, "starts --optimized, but no init container runs 'build' on " + c.path("image").asText());
            return;
        }
        Map<String, String> built = environment(build);
        for (String option : List.of("KC_DB", "KC_HEALTH_ENABLED", "KC_METRICS_ENABLED", "KC_FEATURES", "KC_CACHE")) {
            if (!Objects.equals(built.get(option), env.get(option))) {
                add("identity", d, "build option " + option + " is " + built.get(option) + " in the build but "
                        + env.get(option) + " in the server: --optimized would ignore the server's");
            }
        }
    }

    private static String realmName(Manifest configMap) {
        for (var e : configMap.tree().path("data").properties()) {
            if (e.getKey().endsWith(".json")) {
                try {
                    return new ObjectMapper().readTree(e.getValue().asText()).path("realm").asText(null);
                } catch (IOException ex) {
                    return null;
                }
            }
        }
        return null;
    }

    /** A TIC service takes its keys from Keycloak's realm and expects its issuer. */
    private void tokens(Manifest d, ServiceConfig sc, Manifest idp, Manifest idpService, String hostname, String fileRealm) {
        JsonNode c = mainContainer(d);
        Map<String, String> env = environment(c);
        if (!"true".equals(env.get("TIC_SECURITY_OIDC_DISCOVERY"))) {
            add("identity", d, "TIC_SECURITY_OIDC_DISCOVERY=" + env.get("TIC_SECURITY_OIDC_DISCOVERY")
                    + ": the keys must come from the issuer's discovery document (true)");
        }
        if (env.containsKey("MP_JWT_VERIFY_PUBLICKEY_LOCATION")) {
            add("identity", d, "sets MP_JWT_VERIFY_PUBLICKEY_LOCATION; the keys come from the discovery document (jwks_uri)");
        }
        String discovery = env.getOrDefault("TIC_SECURITY_OIDC_DISCOVERY_URL", "");
        String realm = null;
        URI uri = idpUri(d, "TIC_SECURITY_OIDC_DISCOVERY_URL", discovery, idp, idpService);
        if (uri != null) {
            Matcher m = REALM_PATH.matcher(uri.getPath() == null ? "" : uri.getPath());
            if (!m.matches()) {
                add("identity", d, "TIC_SECURITY_OIDC_DISCOVERY_URL=" + discovery + " is not a realm's URL (.../realms/<realm>)");
            } else {
                realm = m.group(1);
            }
        }
        if (realm != null && fileRealm != null && !realm.equals(fileRealm)) {
            add("identity", d, "discovers realm '" + realm + "' but Keycloak imports realm '" + fileRealm + "'");
        }
        String issuer = env.get("MP_JWT_VERIFY_ISSUER");
        if (hostname != null && realm != null) {
            String expected = hostname.replaceFirst("/$", "") + "/realms/" + realm;
            if (!expected.equals(issuer)) {
                add("identity", d, "MP_JWT_VERIFY_ISSUER=" + issuer + " but Keycloak issues its tokens as " + expected
                        + " (KC_HOSTNAME + /realms/" + realm + ")");
            }
        }
        if (idp != null && uri != null && !net.egressAllows(d.podLabels(), idp, uri)) {
            add("identity", d, "its NetworkPolicies do not let it reach Keycloak's pods (" + discovery + ")");
        }
        if (IDENTITY_ADMINS.contains(sc.module())) {
            idpUri(d, "TIC_IDENTITY_PROVIDER_URL", env.getOrDefault("TIC_IDENTITY_PROVIDER_URL", ""), idp, idpService);
            if (realm != null && !realm.equals(env.get("TIC_IDENTITY_PROVIDER_REALM"))) {
                add("identity", d, "TIC_IDENTITY_PROVIDER_REALM=" + env.get("TIC_IDENTITY_PROVIDER_REALM")
                        + " is not the realm it verifies tokens of (" + realm + ")");
            }
            if (env.getOrDefault("TIC_IDENTITY_PROVIDER_ADMIN_CLIENT_ID", "").isBlank()) {
                add("identity", d, "has no TIC_IDENTITY_PROVIDER_ADMIN_CLIENT_ID");
            }
            if (secretRef(c, "TIC_IDENTITY_PROVIDER_ADMIN_CLIENT_SECRET") == null) {
                add("identity", d, "TIC_IDENTITY_PROVIDER_ADMIN_CLIENT_SECRET must be taken from a Secret (env valueFrom.secretKeyRef)");
            }
        }
    }

    /** A URL on the Keycloak Service (host = its name, port = one of its ports), or null with a violation. */
    private URI idpUri(Manifest d, String variable, String value, Manifest idp, Manifest idpService) {
        URI uri = httpUrl(value);
        if (uri == null) {
            add("identity", d, variable + "=" + value + " is not an http(s) URL");
            return null;
        }
        if (idp == null || idpService == null) {
            add("identity", d, variable + "=" + value + ": no Keycloak Deployment and Service in the manifests");
            return uri;
        }
        String host = uri.getHost().split("\\.")[0];
        int port = uri.getPort() >= 0 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80;
        List<Integer> ports = new ArrayList<>();
        idpService.spec().path("ports").forEach(p -> ports.add(p.path("port").asInt()));
        if (!host.equals(idpService.name()) || !ports.contains(port)) {
            add("identity", d, variable + "=" + value + " is not on Keycloak's Service " + idpService.name()
                    + " (ports " + ports + ")");
        }
        return uri;
    }
}
