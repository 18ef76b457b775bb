package org.tic.project.domain;

import java.util.EnumMap;
import java.util.Map;

/**
 * Each platform stage in the vocabularies of the trackers people already use, so exports line up with them:
 * the IEA CCUS and Hydrogen Production projects databases, the Global CCS Institute (GCCSI) project lifecycle,
 * Global Energy Monitor (GEM) trackers and the Mission Possible Partnership (MPP) tracker. A null term means the
 * vocabulary has no equivalent. The README holds the same table with notes.
 */
public final class StageVocabulary {

    public record Terms(String label, String description, String iea, String gccsi, String gem, String mpp) {
    }

    private static final Map<Stage, Terms> TERMS = new EnumMap<>(Stage.class);

    static {
        TERMS.put(Stage.CONCEPT, new Terms("Concept",
                "Idea announced or explored; no feasibility work completed yet",
                "Concept", "Identify", "Announced", "Announced"));
        TERMS.put(Stage.FEASIBILITY, new Terms("Feasibility",
                "Feasibility or pre-FEED studies under way",
                "Feasibility study", "Evaluate", "Announced", "Announced"));
        TERMS.put(Stage.FEED, new Terms("FEED",
                "Front-end engineering design under way",
                "FEED (planned)", "Define", "Pre-construction", "Announced"));
        TERMS.put(Stage.BANKABLE, new Terms("Bankable (implementation-ready)",
                "Lenders accept the structure: the readiness checklist is complete (TIC-specific step before FID)",
                "FEED (planned)", "Define", "Pre-construction", "Announced"));
        TERMS.put(Stage.FID, new Terms("Final investment decision",
                "Final investment decision taken; construction not yet started",
                "FID / under construction", "FID", "Pre-construction", "FID / secured funding"));
        TERMS.put(Stage.UNDER_CONSTRUCTION, new Terms("Under construction",
                "Construction started",
                "FID / under construction", "Execute", "Construction", "FID / secured funding"));
        TERMS.put(Stage.OPERATIONAL, new Terms("Operational",
                "In operation",
                "Operational", "Operate", "Operating", "Operational"));
        TERMS.put(Stage.ON_HOLD, new Terms("On hold",
                "Paused; resumes to the stage it was in",
                "Suspended", null, "Shelved (Mothballed when it was operating)", null));
        TERMS.put(Stage.CANCELLED, new Terms("Cancelled",
                "Abandoned before operation; final",
                null, null, "Cancelled", null));
        TERMS.put(Stage.DECOMMISSIONED, new Terms("Decommissioned",
                "Stopped operating for good; final",
                "Decommissioned", "Closure", "Retired", null));
    }

    private StageVocabulary() {
    }

    public static Terms of(Stage stage) {
        return TERMS.get(stage);
    }

    /** The GEM term for a project, which for ON_HOLD depends on whether it was operating. */
    public static String gem(Stage stage, Stage heldStage) {
        if (stage == Stage.ON_HOLD) {
            return heldStage == Stage.OPERATIONAL ? "Mothballed" : "Shelved";
        }
        return TERMS.get(stage).gem();
    }
}
