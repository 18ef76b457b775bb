package org.tic.project.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.tic.commons.revision.Revision;
import org.tic.commons.revision.RevisionHistory;
import org.tic.commons.revision.RevisionReader;
import org.tic.project.domain.ReadinessItemKey;
import org.tic.project.event.ProjectEventPublisher;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The revision history of projects (their public snapshot, as published) and of their readiness items: every version
 * as it was written, or the one that stood on a date.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class HistoryService {

    private final RevisionReader revisions;
    private final ProjectService projects;
    private final ProjectAccess access;

    public HistoryService(RevisionReader revisions, ProjectService projects, ProjectAccess access) {
        this.revisions = revisions;
        this.projects = projects;
        this.access = access;
    }

    public RevisionHistory project(UUID id, LocalDate asOf) {
        projects.get(id);
        return read(ProjectEventPublisher.PROJECT_RECORD, id, "Project " + id, asOf);
    }

    public RevisionHistory readinessItem(UUID projectId, ReadinessItemKey item, LocalDate asOf) {
        projects.get(projectId);
        String id = ProjectEventPublisher.readinessItemId(projectId, item);
        List<Revision> all = revisions.history(ProjectEventPublisher.READINESS_ITEM_RECORD, id);
        if (all.isEmpty()) {
            // never recorded: it stands at NOT_STARTED, with no history to show
            return RevisionHistory.of(ProjectEventPublisher.READINESS_ITEM_RECORD, id, asOf, List.of());
        }
        return shown(ProjectEventPublisher.READINESS_ITEM_RECORD, id, all, "Readiness item " + item + " of " + projectId, asOf);
    }

    private RevisionHistory read(String type, Object id, String what, LocalDate asOf) {
        return shown(type, id, revisions.history(type, id), what, asOf);
    }

    private RevisionHistory shown(String type, Object id, List<Revision> all, String what, LocalDate asOf) {
        return revisions.view(type, id, all, what, asOf, access.seesWhoChanged());
    }
}
