package org.tic.kpi.domain;

/** What a KPI report is about: a whole cluster or one project. */
public enum SubjectType {
    CLUSTER,
    PROJECT
}
