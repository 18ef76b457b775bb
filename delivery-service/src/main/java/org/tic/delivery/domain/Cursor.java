package org.tic.delivery.domain;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.OptionalLong;

/**
 * A position in the feed, opaque to partners (base64url of {@code c1:<seq>}), so that the numbering behind it can
 * change (a version prefix) without breaking stored cursors.
 */
public final class Cursor {

    private static final String PREFIX = "c1:";

    private Cursor() {
    }

    public static String of(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + seq).getBytes(StandardCharsets.US_ASCII));
    }

    /** The seq, or empty when the text is not a cursor this feed handed out. */
    public static OptionalLong parse(String cursor) {
        if (cursor == null || cursor.isEmpty() || cursor.length() > 64) {
            return OptionalLong.empty();
        }
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (!s.startsWith(PREFIX)) {
                return OptionalLong.empty();
            }
            long seq = Long.parseLong(s.substring(PREFIX.length()));
            return seq < 0 ? OptionalLong.empty() : OptionalLong.of(seq);
        } catch (IllegalArgumentException e) {
            return OptionalLong.empty();
        }
    }
}
