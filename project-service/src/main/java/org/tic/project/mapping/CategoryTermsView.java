package org.tic.project.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CategoryTerms", description = "A project category in the trackers' vocabularies (null: no equivalent)")
public record CategoryTermsView(
        @Schema(example = "Bioenergy") String iea,
        @Schema(example = "Global Bioenergy Power Tracker") String gem,
        @Schema(example = "Bio-based feedstocks and fuels") String mpp) {
}
