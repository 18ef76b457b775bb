package org.tic.delivery.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.tic.commons.event.IncomingEvent;
import org.tic.delivery.domain.ChangeScope;
import org.tic.delivery.domain.EventCatalog;
import org.tic.delivery.repository.ChangeRepository;

/** Records a consumed event as a change of the feed, with what it concerns and who may read it. */
@ApplicationScoped
public class ChangeRecorder {

    private final ChangeRepository changes;

    public ChangeRecorder(ChangeRepository changes) {
        this.changes = changes;
    }

    public void record(IncomingEvent e) {
        String baseType = EventCatalog.baseType(e.type());
        ChangeScope scope = ChangeScope.of(baseType, e.aggregateType(), e.subject(), e.data());
        changes.insert(e.id(), e.type(), baseType, e.source(), e.subject(), e.aggregateType(), e.time(), e.actor(),
                e.topic(), e.partition(), e.offset(), e.data().toString(), scope);
    }
}
