package org.tic.membership.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.tic.commons.error.ProblemException;
import org.tic.commons.rest.ETags;
import org.tic.commons.rest.PageRequest;
import org.tic.commons.rules.RuleViolation;
import org.tic.membership.domain.Organization;
import org.tic.membership.domain.OrganizationKind;
import org.tic.membership.event.MembershipEventPublisher;
import org.tic.membership.mapping.OrganizationMapper;
import org.tic.membership.mapping.OrganizationRequest;
import org.tic.membership.repository.ApiClientRepository;
import org.tic.membership.repository.OrganizationRepository;

import java.util.Map;
import java.util.UUID;

import static org.tic.membership.event.MembershipEventTypes.ORGANIZATION_CREATED;
import static org.tic.membership.event.MembershipEventTypes.ORGANIZATION_UPDATED;

@ApplicationScoped
@Transactional
public class OrganizationService {

    public static final Map<String, String> SORTABLE = Map.of("name", "name", "country", "country", "kind", "kind",
            "createdAt", "createdAt");

    private final OrganizationRepository repository;
    private final ApiClientRepository apiClients;
    private final OrganizationMapper mapper;
    private final MembershipEventPublisher events;
    private final MembershipAccess access;

    public OrganizationService(OrganizationRepository repository, ApiClientRepository apiClients, OrganizationMapper mapper,
                               MembershipEventPublisher events, MembershipAccess access) {
        this.repository = repository;
        this.apiClients = apiClients;
        this.mapper = mapper;
        this.events = events;
        this.access = access;
    }

    public Organization create(@NotNull @Valid OrganizationRequest request, String actor) {
        Organization o = new Organization();
        o.id = UUID.randomUUID();
        mapper.apply(request, o);
        o.createdBy = actor;
        o.updatedBy = actor;
        repository.persist(o);
        repository.flush(); // timestamps and version are set now, so the event carries them
        events.organizationChanged(ORGANIZATION_CREATED, o, actor);
        return o;
    }

    public Organization replace(UUID id, String ifMatch, @NotNull @Valid OrganizationRequest request, String actor) {
        Organization o = get(id);
        access.requireMayChangeOrganization(id);
        ETags.checkIfMatch(ifMatch, o.version);
        mapper.apply(request, o);
        o.updatedBy = actor;
        repository.flush();
        events.organizationChanged(ORGANIZATION_UPDATED, o, actor);
        return o;
    }

    public void delete(UUID id, String ifMatch, String actor) {
        Organization o = get(id);
        ETags.checkIfMatch(ifMatch, o.version);
        long active = apiClients.countActive(id);
        if (active > 0) {
            throw RuleViolation.conflict(o.name + " has " + active + " active API client(s); revoke them first");
        }
        apiClients.deleteRevoked(id); // their history goes with the organization
        repository.delete(o);
        repository.flush(); // a party, application or (just registered) API client still referring to it fails here → 409
        events.organizationDeleted(o, actor);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Organization get(UUID id) {
        return repository.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Organization", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public OrganizationRepository.Page list(OrganizationKind kind, String country, String q, Sort sort, PageRequest page) {
        return repository.search(kind, country, q, sort, page);
    }
}
