package org.tic.commons.ratelimit;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Whose bucket a call draws on. A client-credentials token (a partner's API client) is keyed by its client id, a
 * person's token by its subject, a call without a token by the caller's address.
 */
public final class ClientKeys {

    /** Keycloak's name of a client's service-account user ({@code preferred_username}). */
    static final String SERVICE_ACCOUNT_PREFIX = "service-account-";
    private static final int MAX_ADDRESS_LENGTH = 64;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV4_WITH_PORT = Pattern.compile("(\\d{1,3}(\\.\\d{1,3}){3}):\\d{1,5}");
    private static final Pattern IPV6_BRACKETED = Pattern.compile("\\[([0-9A-Fa-f:.]+)](:\\d{1,5})?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    private ClientKeys() {
    }

    /**
     * For a verified token. Keycloak's client-credentials tokens carry the client id in {@code azp} (and
     * {@code client_id}) and {@code sub} is the client's service-account user: they are keyed by the client. Every
     * other token is keyed by {@code sub}: a person's token also carries an {@code azp} (the application the person
     * signed in with, e.g. the dashboard), and keying by it would put all of that application's users in one bucket.
     */
    public static String ofToken(String subject, String authorizedParty, String clientId, String preferredUsername) {
        boolean serviceAccount = clientId != null
                || (preferredUsername != null && preferredUsername.startsWith(SERVICE_ACCOUNT_PREFIX));
        if (serviceAccount) {
            String client = authorizedParty != null ? authorizedParty
                    : clientId != null ? clientId : preferredUsername.substring(SERVICE_ACCOUNT_PREFIX.length());
            return "client:" + client;
        }
        return "sub:" + subject;
    }

    /**
     * For a call without a (valid) token. {@code forwardedFor}: the X-Forwarded-For values in order; used only when
     * the proxy in front is trusted, and then only its last entry (the address the trusted proxy itself saw: entries
     * before it are whatever the client sent). IPv6 callers are keyed by their /64, which one host usually owns
     * whole (otherwise rotating addresses within it would give a fresh bucket on every call).
     */
    public static String ofAddress(String remoteAddress, List<String> forwardedFor, boolean trustForwardedFor) {
        String address = null;
        if (trustForwardedFor && forwardedFor != null && !forwardedFor.isEmpty()) {
            String joined = String.join(",", forwardedFor);
            address = normalize(joined.substring(joined.lastIndexOf(',') + 1));
        }
        if (address == null) {
            address = normalize(remoteAddress);
        }
        return "addr:" + (address == null ? "unknown" : address);
    }

    /** An IP literal without port, zone or brackets, IPv6 reduced to its /64; null when it is not one. */
    static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        String a = raw.trim();
        if (a.isEmpty() || a.length() > MAX_ADDRESS_LENGTH) {
            return null;
        }
        var v4port = IPV4_WITH_PORT.matcher(a);
        if (v4port.matches()) {
            a = v4port.group(1);
        }
        var bracketed = IPV6_BRACKETED.matcher(a);
        if (bracketed.matches()) {
            a = bracketed.group(1);
        }
        int zone = a.indexOf('%');
        if (zone >= 0) {
            a = a.substring(0, zone);
        }
        if (IPV4.matcher(a).matches()) {
            return a;
        }
        if (a.indexOf(':') >= 0 && IPV6.matcher(a).matches()) {
            return ipv6Prefix64(a.toLowerCase());
        }
        return null;
    }

    /**
     * {@code 2001:db8:1:2:aa:bb:cc:dd} → {@code 2001:db8:1:2::/64}; an IPv4-mapped address → the IPv4 address. The JDK
     * parses the literal: a string with a colon is only ever read as an IPv6 literal, never looked up in DNS.
     */
    private static String ipv6Prefix64(String a) {
        InetAddress parsed;
        try {
            parsed = InetAddress.getByName(a);
        } catch (UnknownHostException notALiteral) {
            return null;
        }
        if (parsed instanceof Inet4Address v4) {
            return v4.getHostAddress(); // the JDK turns an IPv4-mapped address into the IPv4 one
        }
        if (parsed.isLoopbackAddress()) {
            return "::1";
        }
        byte[] b = parsed.getAddress();
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            prefix.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff))).append(':');
        }
        return prefix.append(":/64").toString();
    }
}
