package org.tic.membership.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Client ids of partner API clients: {@code partner-<organization slug>-<6 random characters>}, e.g.
 * {@code partner-acme-steel-k3x9q2}. Readable in the identity provider's console and in logs, unique by the random
 * part (a clash is detected by the identity provider and another suffix drawn), and never reused after revocation.
 */
public final class ApiClientNaming {

    public static final String PREFIX = "partner-";
    static final int MAX_SLUG = 24;
    static final int SUFFIX_LENGTH = 6;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private ApiClientNaming() {
    }

    public static String clientId(String organizationName, UUID organizationId, String suffix) {
        if (suffix == null || !suffix.matches("[a-z0-9]{" + SUFFIX_LENGTH + "}")) {
            throw new IllegalArgumentException("suffix must be " + SUFFIX_LENGTH + " characters a-z0-9");
        }
        String slug = slug(organizationName);
        if (slug.isEmpty()) {
            slug = organizationId.toString().substring(0, 8);
        }
        return PREFIX + slug + "-" + suffix;
    }

    public static String randomSuffix(RandomGenerator random) {
        StringBuilder sb = new StringBuilder(SUFFIX_LENGTH);
        for (int i = 0; i < SUFFIX_LENGTH; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** Lower-case ASCII letters and digits joined by single hyphens, at most {@value #MAX_SLUG} characters. */
    static String slug(String name) {
        if (name == null) {
            return "";
        }
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > MAX_SLUG) {
            slug = slug.substring(0, MAX_SLUG).replaceAll("-+$", "");
        }
        return slug;
    }
}
