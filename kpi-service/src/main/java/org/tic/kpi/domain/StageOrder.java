package org.tic.kpi.domain;

import java.util.List;

/** The order projects' stages are shown in (breakdowns, the pipeline); unknown stages come last. */
public final class StageOrder {

    public static final List<String> ORDER = List.of("CONCEPT", "FEASIBILITY", "FEED", "BANKABLE", "FID",
            "UNDER_CONSTRUCTION", "OPERATIONAL", "ON_HOLD", "CANCELLED", "DECOMMISSIONED");

    private StageOrder() {
    }

    public static int rank(String stage) {
        int i = ORDER.indexOf(stage);
        return i < 0 ? ORDER.size() : i;
    }
}
