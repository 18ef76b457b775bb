package org.tic.project.domain;

/** Dated milestones tracked with planned and actual dates (they may fall on the same day, as FID and financial close did at Liverpool Bay). */
public enum MilestoneType {
    ANNOUNCEMENT,
    FEASIBILITY_COMPLETE,
    FEED_COMPLETE,
    PERMITS_GRANTED,
    FID,
    FINANCIAL_CLOSE,
    CONSTRUCTION_START,
    MECHANICAL_COMPLETION,
    FIRST_OPERATION,
    COMMERCIAL_OPERATION,
    DECOMMISSIONING
}
