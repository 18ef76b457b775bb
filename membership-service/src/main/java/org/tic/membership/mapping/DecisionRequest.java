package org.tic.membership.mapping;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "DecisionRequest", description = "Reason (required to reject or withdraw) and the effective date "
        + "(for an approval: the day the cluster joins; default today)")
public record DecisionRequest(@Size(max = 2000) String reason, LocalDate effectiveDate) {
}
