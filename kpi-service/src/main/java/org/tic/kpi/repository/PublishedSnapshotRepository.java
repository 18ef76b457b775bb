package org.tic.kpi.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.tic.kpi.domain.PublishedSnapshot;

import java.time.LocalDate;
import java.util.Optional;

@ApplicationScoped
public class PublishedSnapshotRepository implements PanacheRepositoryBase<PublishedSnapshot, LocalDate> {

    /** The latest figures the initiative published on or before the date. */
    public Optional<PublishedSnapshot> latestOnOrBefore(LocalDate date) {
        return find("asOf <= ?1 order by asOf desc", date).firstResultOptional();
    }
}
