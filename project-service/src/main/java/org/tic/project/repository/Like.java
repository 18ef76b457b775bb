package org.tic.project.repository;

/** Escapes user text for a LIKE pattern, so % and _ match themselves. */
final class Like {

    private Like() {
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
