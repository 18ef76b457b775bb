package org.tic.project.event;

/** CloudEvents types published on {@code project.events} (docs/events.md); the suffix is the data schema version. */
public final class ProjectEventTypes {

    public static final String PROJECT = "project";

    public static final String CREATED = "tic.project.project.created.v1";
    public static final String UPDATED = "tic.project.project.updated.v1";
    public static final String STAGE_CHANGED = "tic.project.project.stage-changed.v1";
    public static final String REACHED_FID = "tic.project.project.reached-fid.v1";
    public static final String MILESTONE_UPDATED = "tic.project.project.milestone-updated.v1";
    public static final String READINESS_CHANGED = "tic.project.project.readiness-changed.v1";
    public static final String CANCELLED = "tic.project.project.cancelled.v1";

    private ProjectEventTypes() {
    }
}
