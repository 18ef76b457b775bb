package org.tic.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A block of figures printed on stdout at the end of a suite, so a CI log shows them at a glance. */
public final class Summary {

    private final String title;
    private final List<String> lines = new ArrayList<>();

    public Summary(String title) {
        this.title = title;
    }

    public Summary line(String label, Object value) {
        String dots = label.length() >= 46 ? " " : " " + ".".repeat(46 - label.length()) + " ";
        lines.add("  " + label + dots + value);
        return this;
    }

    public Summary text(String text) {
        for (String l : text.split("\n")) {
            lines.add("  " + l);
        }
        return this;
    }

    public Summary section(String name) {
        lines.add("  -- " + name + " " + "-".repeat(Math.max(3, 72 - name.length())));
        return this;
    }

    public Summary table(Map<String, ?> rows) {
        rows.forEach((k, v) -> line("  " + k, v));
        return this;
    }

    public String render() {
        String bar = "=".repeat(80);
        StringBuilder sb = new StringBuilder("\n").append(bar).append('\n')
                .append("  RELIABILITY · ").append(title).append('\n').append(bar).append('\n');
        lines.forEach(l -> sb.append(l).append('\n'));
        return sb.append(bar).append('\n').toString();
    }

    public void print() {
        System.out.println(render());
        System.out.flush();
    }
}
