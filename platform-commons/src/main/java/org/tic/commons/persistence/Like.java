package org.tic.commons.persistence;

/** Escapes user text for a LIKE pattern, so % and _ match themselves (use with {@code ESCAPE '\'}). */
public final class Like {

    private Like() {
    }

    public static String escape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
