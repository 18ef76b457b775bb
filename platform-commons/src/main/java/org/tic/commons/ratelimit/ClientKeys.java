package org.tic.commons.ratelimit;

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

    /** {@code 2001:db8:1:2:aa:bb:cc:dd} → {@code 2001:db8:1:2::/64}; an IPv4-mapped address → the IPv4 address. */
    private static String ipv6Prefix64(String a) {
        String[] groups = expand(a);
        if (groups == null) {
            return null;
        }
        boolean mapped = true;
        for (int i = 0; i < 5; i++) {
            mapped &= groups[i].equals("0");
        }
        if (mapped && groups[5].equals("ffff")) {
            int hi = Integer.parseInt(groups[6], 16);
            int lo = Integer.parseInt(groups[7], 16);
            return (hi >> 8) + "." + (hi & 0xff) + "." + (lo >> 8) + "." + (lo & 0xff);
        }
        if (String.join(":", groups).equals("0:0:0:0:0:0:0:1")) {
            return "::1";
        }
        return groups[0] + ":" + groups[1] + ":" + groups[2] + ":" + groups[3] + "::/64";
    }

    /** The eight groups of an IPv6 literal, each without leading zeros (an embedded IPv4 tail as two); null if invalid. */
    private static String[] expand(String a) {
        int gap = a.indexOf("::");
        if (gap >= 0 && a.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        List<String> head = parts(gap >= 0 ? a.substring(0, gap) : a);
        List<String> tail = gap >= 0 ? parts(a.substring(gap + 2)) : List.of();
        if (head == null || tail == null) {
            return null;
        }
        int given = head.size() + tail.size();
        if (gap >= 0 ? given > 7 : given != 8) {
            return null;
        }
        String[] out = new String[8];
        int i = 0;
        for (String g : head) {
            out[i++] = g;
        }
        while (i < 8 - tail.size()) {
            out[i++] = "0";
        }
        for (String g : tail) {
            out[i++] = g;
        }
        return out;
    }

    /** Colon-separated groups, normalized; a dotted IPv4 last part becomes two groups; null if any is invalid. */
    private static List<String> parts(String s) {
        if (s.isEmpty()) {
            return List.of();
        }
        String[] raw = s.split(":", -1);
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < raw.length; i++) {
            String g = raw[i];
            if (i == raw.length - 1 && g.indexOf('.') >= 0) {
                if (!IPV4.matcher(g).matches()) {
                    return null;
                }
                String[] o = g.split("\\.");
                int[] b = new int[4];
                for (int k = 0; k < 4; k++) {
                    b[k] = Integer.parseInt(o[k]);
                    if (b[k] > 255) {
                        return null;
                    }
                }
                out.add(Integer.toHexString((b[0] << 8) | b[1]));
                out.add(Integer.toHexString((b[2] << 8) | b[3]));
                continue;
            }
            if (g.isEmpty() || g.length() > 4 || g.indexOf('.') >= 0) {
                return null;
            }
            out.add(Integer.toHexString(Integer.parseInt(g, 16)));
        }
        return out;
    }
}
