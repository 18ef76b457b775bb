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
import org.tic.membership.domain.PolicyAdoption;
import org.tic.membership.domain.PolicyScope;
import org.tic.membership.event.MembershipEventPublisher;
import org.tic.membership.mapping.PolicyAdoptionRequest;
import org.tic.membership.repository.ClusterRepository;
import org.tic.membership.repository.OrganizationRepository;
import org.tic.membership.repository.PolicyAdoptionRepository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.tic.membership.event.MembershipEventTypes.POLICY_ADOPTED;
import static org.tic.membership.event.MembershipEventTypes.POLICY_UPDATED;

@ApplicationScoped
@Transactional
public class PolicyAdoptionService {

    public static final Map<String, String> SORTABLE = Map.of("adoptedOn", "adoptedOn", "country", "country",
            "title", "title");

    private final PolicyAdoptionRepository repository;
    private final OrganizationRepository organizations;
    private final ClusterRepository clusters;
    private final MembershipEventPublisher events;

    public PolicyAdoptionService(PolicyAdoptionRepository repository, OrganizationRepository organizations,
                                 ClusterRepository clusters, MembershipEventPublisher events) {
        this.repository = repository;
        this.organizations = organizations;
        this.clusters = clusters;
        this.events = events;
    }

    public PolicyAdoption record(@NotNull @Valid PolicyAdoptionRequest r, String actor) {
        PolicyAdoption p = new PolicyAdoption();
        p.id = UUID.randomUUID();
        apply(r, p);
        p.createdBy = actor;
        p.updatedBy = actor;
        repository.persist(p);
        repository.flush();
        events.policyAdoptionChanged(POLICY_ADOPTED, p, actor);
        return p;
    }

    /** Corrections of a recorded adoption. */
    public PolicyAdoption replace(UUID id, String ifMatch, @NotNull @Valid PolicyAdoptionRequest r, String actor) {
        PolicyAdoption p = get(id);
        ETags.checkIfMatch(ifMatch, p.version);
        apply(r, p);
        p.updatedBy = actor;
        repository.flush();
        events.policyAdoptionChanged(POLICY_UPDATED, p, actor);
        return p;
    }

    private void apply(PolicyAdoptionRequest r, PolicyAdoption p) {
        if (r.governmentOrganizationId() != null && organizations.findByIdOptional(r.governmentOrganizationId()).isEmpty()) {
            throw RuleViolation.invalid("governmentOrganizationId", "organization " + r.governmentOrganizationId() + " does not exist");
        }
        p.country = r.country();
        p.governmentBody = r.governmentBody();
        p.governmentOrganizationId = r.governmentOrganizationId();
        p.title = r.title().trim();
        p.kind = r.kind();
        p.adoptedOn = r.adoptedOn();
        p.scope = r.scope();
        p.sourceUrl = r.sourceUrl();
        List<UUID> named = r.clusterIds() == null ? List.of() : r.clusterIds();
        Map<UUID, String> countries = new HashMap<>();
        if (!named.isEmpty()) {
            clusters.list("id in ?1", named).forEach(c -> countries.put(c.id, c.country));
        }
        p.clusterIds = new ArrayList<>(PolicyScope.clusters(r.country(), named, countries));
        p.projectIds = new ArrayList<>(PolicyScope.projects(r.projectIds()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PolicyAdoption get(UUID id) {
        return repository.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Policy adoption", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PolicyAdoptionRepository.Page list(String country, Sort sort, PageRequest page) {
        return repository.search(country, sort, page);
    }
}
