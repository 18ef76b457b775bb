package org.tic.membership.mapping;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/** Sectors are free labels; stored trimmed, lower-case and without duplicates so filters match reliably. */
public final class Sectors {

    private Sectors() {
    }

    public static List<String> normalise(List<String> sectors) {
        if (sectors == null) {
            return new ArrayList<>();
        }
        LinkedHashSet<String> set = new LinkedHashSet<>();
        for (String s : sectors) {
            if (s != null && !s.isBlank()) {
                set.add(s.trim().toLowerCase(Locale.ROOT));
            }
        }
        return new ArrayList<>(set);
    }
}
