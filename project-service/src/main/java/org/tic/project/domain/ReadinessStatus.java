package org.tic.project.domain;

public enum ReadinessStatus {
    NOT_STARTED,
    IN_PROGRESS,
    /** Done, with evidence. */
    COMPLETE,
    /** Does not apply to this project (e.g. no offtake under a regulated asset base), with a justification. */
    NOT_APPLICABLE
}
