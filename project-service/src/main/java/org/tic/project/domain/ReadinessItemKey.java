package org.tic.project.domain;

/** The bankability checklist: the evidence lenders ask for before they lend against a project's cash flows. */
public enum ReadinessItemKey {
    BUSINESS_MODEL("Business model and revenue support"),
    OFFTAKE_AGREEMENTS("Signed or near-final offtake agreements"),
    FEED_COMPLETE("FEED (or equivalent engineering) done"),
    EPC_TERMS("EPC terms agreed"),
    PERMITS_ROADMAP("Permits road map"),
    SPONSOR_EQUITY("Sponsor equity committed"),
    FINANCIAL_MODEL("Financial model");

    private final String label;

    ReadinessItemKey(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
