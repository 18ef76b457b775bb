package org.tic.membership.mapping;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "ExistingMembershipRequest", description = "Records that a cluster already is a signatory (joined before "
        + "this platform). Give the joined date when known, else the year; leave both empty when unknown.")
public record ExistingMembershipRequest(LocalDate joinedDate,
                                        @Schema(example = "2021") @Min(2021) @Max(2100) Integer joinedYear,
                                        @Size(max = 1000) String reason) {
}
