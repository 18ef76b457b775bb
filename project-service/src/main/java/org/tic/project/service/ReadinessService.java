package org.tic.project.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.tic.commons.rest.ETags;
import org.tic.project.domain.Project;
import org.tic.project.domain.Readiness;
import org.tic.project.domain.ReadinessItem;
import org.tic.project.domain.ReadinessItemKey;
import org.tic.project.domain.ReadinessStatus;
import org.tic.project.event.ProjectEventPublisher;
import org.tic.project.mapping.ProjectMapper;
import org.tic.project.mapping.ReadinessItemRequest;
import org.tic.project.mapping.ReadinessItemView;
import org.tic.project.mapping.ReadinessView;
import org.tic.project.repository.ReadinessItemRepository;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The bankability checklist of a project; every change publishes readiness-changed with the new summary. */
@ApplicationScoped
@Transactional
public class ReadinessService {

    private final ProjectService projects;
    private final ReadinessItemRepository items;
    private final ProjectMapper mapper;
    private final ProjectEventPublisher events;
    private final ProjectAccess access;

    public ReadinessService(ProjectService projects, ReadinessItemRepository items, ProjectMapper mapper,
                            ProjectEventPublisher events, ProjectAccess access) {
        this.access = access;
        this.projects = projects;
        this.items = items;
        this.mapper = mapper;
        this.events = events;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ReadinessView get(UUID projectId) {
        Project p = projects.get(projectId);
        return view(p, items.ofProject(projectId));
    }

    /** Sets one checklist item: the secretariat, or a coordinator of the project's lead cluster. */
    public ReadinessView put(UUID projectId, ReadinessItemKey key, String ifMatch,
                             @NotNull @Valid ReadinessItemRequest request, String actor) {
        Project p = projects.get(projectId);
        access.requireLeadRights(p);
        ETags.checkIfMatch(ifMatch, p.version);
        var evidence = mapper.evidence(request.evidence());
        String note = request.note() == null || request.note().isBlank() ? null : request.note().trim();
        Readiness.checkItem(key, request.status(), evidence, note);
        ReadinessItem item = items.find(projectId, key).orElse(null);
        boolean created = item == null;
        if (created) {
            item = new ReadinessItem();
            item.id = UUID.randomUUID();
            item.projectId = projectId;
            item.item = key;
            item.createdBy = actor;
        }
        item.status = request.status();
        item.note = note;
        item.evidence = new ArrayList<>(evidence);
        item.updatedBy = actor;
        if (created) {
            items.persist(item);
        }
        p.touch(actor);
        items.flush();
        ReadinessView view = view(p, items.ofProject(projectId));
        events.readinessChanged(p, view.summary(), actor);
        view.items().stream().filter(i -> i.item() == key).forEach(i -> events.readinessItemChanged(p, i, actor));
        return view;
    }

    private ReadinessView view(Project p, List<ReadinessItem> recorded) {
        Map<ReadinessItemKey, ReadinessItem> byKey = new EnumMap<>(ReadinessItemKey.class);
        recorded.forEach(i -> byKey.put(i.item, i));
        Map<ReadinessItemKey, ReadinessStatus> statuses = new EnumMap<>(ReadinessItemKey.class);
        List<ReadinessItemView> views = new ArrayList<>();
        for (ReadinessItemKey key : ReadinessItemKey.values()) {
            ReadinessItem i = byKey.get(key);
            if (i == null) {
                views.add(new ReadinessItemView(key, key.label(), ReadinessStatus.NOT_STARTED, null, List.of(), null, null));
            } else {
                statuses.put(key, i.status);
                views.add(new ReadinessItemView(key, key.label(), i.status, i.note, mapper.evidenceDtos(i.evidence),
                        i.updatedAt, i.updatedBy));
            }
        }
        return new ReadinessView(p.id, p.version, mapper.toView(Readiness.summarise(statuses)), views);
    }
}
