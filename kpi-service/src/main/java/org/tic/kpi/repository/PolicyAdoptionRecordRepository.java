package org.tic.kpi.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.tic.kpi.domain.PolicyAdoptionRecord;
import org.tic.kpi.domain.PolicyLevel;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PolicyAdoptionRecordRepository implements PanacheRepositoryBase<PolicyAdoptionRecord, UUID> {

    /** The adoptions in force on {@code date} (adopted on or before it). */
    public List<PolicyLevel.Adoption> adoptedOnOrBefore(LocalDate date) {
        return list("adoptedOn <= ?1", date).stream().map(PolicyAdoptionRecord::adoption).toList();
    }
}
