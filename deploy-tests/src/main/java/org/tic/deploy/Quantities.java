package org.tic.deploy;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kubernetes resource quantities ("250m", "2", "768Mi", "1Gi", "1e3") as numbers, to compare them. */
final class Quantities {

    private static final Pattern Q = Pattern.compile("([0-9.]+(?:[eE][-+]?[0-9]+)?)([a-zA-Z]*)");
    private static final Map<String, BigDecimal> SUFFIX = Map.ofEntries(
            Map.entry("", BigDecimal.ONE), Map.entry("m", new BigDecimal("0.001")),
            Map.entry("k", BigDecimal.TEN.pow(3)), Map.entry("M", BigDecimal.TEN.pow(6)),
            Map.entry("G", BigDecimal.TEN.pow(9)), Map.entry("T", BigDecimal.TEN.pow(12)),
            Map.entry("Ki", BigDecimal.valueOf(2).pow(10)), Map.entry("Mi", BigDecimal.valueOf(2).pow(20)),
            Map.entry("Gi", BigDecimal.valueOf(2).pow(30)), Map.entry("Ti", BigDecimal.valueOf(2).pow(40)));

    private Quantities() {
    }

    static BigDecimal parse(String quantity) {
        Matcher m = Q.matcher(quantity.strip());
        if (!m.matches() || !SUFFIX.containsKey(m.group(2))) {
            throw new IllegalArgumentException("'" + quantity + "' is not a Kubernetes quantity");
        }
        return new BigDecimal(m.group(1)).multiply(SUFFIX.get(m.group(2)));
    }
}
