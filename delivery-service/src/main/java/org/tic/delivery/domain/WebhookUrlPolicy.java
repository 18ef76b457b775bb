package org.tic.delivery.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which receiver URLs a subscription may name. In production only HTTPS, and only hosts that resolve to public
 * addresses: a URL pointing at loopback, private, link-local (cloud metadata at 169.254.169.254), carrier-grade NAT,
 * unique-local or other reserved ranges would let any partner make the platform call into its own network (SSRF).
 * Checked when a subscription is stored and again before each delivery (DNS may change in between).
 */
public final class WebhookUrlPolicy {

    public static final int MAX_LENGTH = 2000;

    /** Resolves a host name (InetAddress.getAllByName in production; a table in tests). */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    private final boolean allowInsecure;
    private final boolean allowPrivate;
    private final Resolver resolver;

    public WebhookUrlPolicy(boolean allowInsecure, boolean allowPrivate, Resolver resolver) {
        this.allowInsecure = allowInsecure;
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    public static Resolver dns() {
        return host -> List.of(InetAddress.getAllByName(host));
    }

    /** @return why the URL may not be used, or empty when it may */
    public Optional<String> refusal(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("is required");
        }
        if (url.length() > MAX_LENGTH) {
            return Optional.of("is longer than " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowInsecure && scheme.equals("http"))) {
            return Optional.of(allowInsecure ? "must be an http or https URL" : "must be an https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("has no host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry credentials (the signature authenticates the platform)");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Optional.of("has a host that does not resolve: " + host);
        }
        if (addresses.isEmpty()) {
            return Optional.of("has a host that does not resolve: " + host);
        }
        for (InetAddress a : addresses) {
            if (!isPublic(a)) {
                return Optional.of("resolves to a non-public address (" + a.getHostAddress()
                        + "): loopback, private, link-local and reserved networks are refused");
            }
        }
        return Optional.empty();
    }

    static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            return isPublicV4(b);
        }
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xFE) == 0xFC) {
                return false; // fc00::/7 unique local
            }
            boolean v4Mapped = true;
            for (int i = 0; i < 10; i++) {
                v4Mapped &= b[i] == 0;
            }
            if (v4Mapped && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) {
                return isPublicV4(new byte[]{b[12], b[13], b[14], b[15]});
            }
            if ((b[0] & 0xFF) == 0x20 && (b[1] & 0xFF) == 0x01 && (b[2] & 0xFF) == 0x0D && (b[3] & 0xFF) == 0xB8) {
                return false; // 2001:db8::/32 documentation
            }
            return true;
        }
        return false;
    }

    private static boolean isPublicV4(byte[] b) {
        int o0 = b[0] & 0xFF;
        int o1 = b[1] & 0xFF;
        int o2 = b[2] & 0xFF;
        return !(o0 == 0 || o0 == 10 || o0 == 127 || o0 >= 224
                || (o0 == 100 && o1 >= 64 && o1 <= 127)      // carrier-grade NAT
                || (o0 == 169 && o1 == 254)                    // link-local, cloud metadata
                || (o0 == 172 && o1 >= 16 && o1 <= 31)
                || (o0 == 192 && o1 == 168)
                || (o0 == 192 && o1 == 0 && (o2 == 0 || o2 == 2))
                || (o0 == 198 && (o1 == 18 || o1 == 19))       // benchmarking
                || (o0 == 198 && o1 == 51 && o2 == 100)
                || (o0 == 203 && o1 == 0 && o2 == 113));
    }
}
