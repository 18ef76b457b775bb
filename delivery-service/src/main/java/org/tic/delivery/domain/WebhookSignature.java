package org.tic.delivery.domain;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Standard Webhooks signatures (standardwebhooks.com): {@code webhook-signature: v1,<base64 HMAC-SHA256 of
 * "id.timestamp.body">}, one entry per valid secret, space-separated, so a receiver accepts a delivery with either
 * secret while it rotates. Secrets are {@code whsec_<base64 of 32 random bytes>}; the key is the decoded part.
 * Hand-written because it is one HMAC (no Java library of the scheme is on our mirror).
 */
public final class WebhookSignature {

    public static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The {@code webhook-signature} header value: one {@code v1,} entry per secret (current first). */
    public static String header(List<String> secrets, String messageId, long timestampSeconds, String body) {
        List<String> parts = new ArrayList<>(secrets.size());
        for (String secret : secrets) {
            parts.add("v1," + sign(secret, messageId, timestampSeconds, body));
        }
        return String.join(" ", parts);
    }

    public static String sign(String secret, String messageId, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            byte[] signed = mac.doFinal((messageId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /**
     * What a receiver does: some {@code v1} entry matches this secret (constant-time), and the timestamp is within
     * {@code toleranceSeconds} of {@code nowSeconds} (replays of old deliveries are refused).
     */
    public static boolean verify(String secret, String messageId, String timestamp, String signatureHeader, String body,
                                 long nowSeconds, long toleranceSeconds) {
        long ts;
        try {
            ts = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(nowSeconds - ts) > toleranceSeconds || signatureHeader == null) {
            return false;
        }
        byte[] expected = sign(secret, messageId, ts, body).getBytes(StandardCharsets.US_ASCII);
        for (String entry : signatureHeader.trim().split(" +")) {
            if (entry.startsWith("v1,")
                    && MessageDigest.isEqual(expected, entry.substring(3).getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] key(String secret) {
        String s = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        return Base64.getDecoder().decode(s);
    }
}
