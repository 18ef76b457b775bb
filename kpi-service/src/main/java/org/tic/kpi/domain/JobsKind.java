package org.tic.kpi.domain;

/** Jobs created, protected, or (as in the initiative's own publications) both together. */
public enum JobsKind {
    CREATED,
    PROTECTED,
    CREATED_OR_PROTECTED
}
