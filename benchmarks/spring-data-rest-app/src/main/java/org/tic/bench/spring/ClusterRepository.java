package org.tic.bench.spring;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.PagingAndSortingRepository;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;
import org.springframework.data.rest.core.annotation.RepositoryRestResource;
import org.springframework.data.rest.core.annotation.RestResource;

import java.util.Optional;
import java.util.UUID;

/**
 * Read-only Spring Data REST resource: {@code GET /api/clusters/{id}} and
 * {@code GET /api/clusters/search/byStatus?status=SIGNATORY&page=0&size=50&sort=name,id} (HAL, with page metadata
 * from a count query, like our paged list's totalItems).
 */
@RepositoryRestResource(path = "clusters", collectionResourceRel = "clusters")
public interface ClusterRepository extends Repository<Cluster, UUID>, PagingAndSortingRepository<Cluster, UUID> {

    Optional<Cluster> findById(UUID id);

    @RestResource(path = "byStatus", rel = "byStatus")
    Page<Cluster> findByStatus(@Param("status") String status, Pageable pageable);
}
