package org.tic.project.domain;

import java.util.Arrays;
import java.util.List;

/**
 * Where a project is in its life. The first seven stages form the main line, in order; the last three are off it.
 * {@link StageRules} decides which moves are allowed.
 */
public enum Stage {
    CONCEPT(0),
    FEASIBILITY(1),
    FEED(2),
    /** Implementation-ready: lenders accept the structure (the TIC-specific step before FID). */
    BANKABLE(3),
    FID(4),
    UNDER_CONSTRUCTION(5),
    OPERATIONAL(6),
    ON_HOLD(-1),
    CANCELLED(-1),
    DECOMMISSIONED(-1);

    private final int rank;

    Stage(int rank) {
        this.rank = rank;
    }

    /** Position on the main line, or -1 off it. */
    public int rank() {
        return rank;
    }

    public boolean isMainLine() {
        return rank >= 0;
    }

    public boolean isTerminal() {
        return this == CANCELLED || this == DECOMMISSIONED;
    }

    /** True when this main-line stage is at or after {@code other} (both on the main line). */
    public boolean atOrAfter(Stage other) {
        return isMainLine() && other.isMainLine() && rank >= other.rank;
    }

    /** Main-line stages strictly between {@code from} and {@code to}. */
    public static List<Stage> between(Stage from, Stage to) {
        return Arrays.stream(values())
                .filter(s -> s.isMainLine() && s.rank > from.rank && s.rank < to.rank)
                .toList();
    }
}
