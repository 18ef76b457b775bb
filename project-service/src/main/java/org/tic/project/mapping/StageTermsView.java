package org.tic.project.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "StageTerms", description = "A stage in the trackers' vocabularies (null: no equivalent)")
public record StageTermsView(
        @Schema(example = "FID / under construction") String iea,
        @Schema(example = "FID") String gccsi,
        @Schema(example = "Pre-construction") String gem,
        @Schema(example = "FID / secured funding") String mpp) {
}
