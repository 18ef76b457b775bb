package org.tic.reliability;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** Differences between an expected state (a recomputation) and what a service holds; numbers compared by value. */
public final class Diff {

    private Diff() {
    }

    public static List<String> of(String what, Map<String, ?> expected, Map<String, ?> actual) {
        List<String> out = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (String k : keys) {
            Object e = expected.get(k);
            Object a = actual.get(k);
            if (!same(e, a)) {
                out.add(what + " " + k + ": expected " + e + ", service has " + a);
            }
        }
        return out;
    }

    static boolean same(Object e, Object a) {
        if (e instanceof BigDecimal x && a instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(e, a);
    }
}
