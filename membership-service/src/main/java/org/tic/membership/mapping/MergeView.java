package org.tic.membership.mapping;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record MergeView(UUID id, ClusterView successor, List<UUID> predecessorIds, LocalDate effectiveDate, String reason,
                        Instant createdAt) {
}
