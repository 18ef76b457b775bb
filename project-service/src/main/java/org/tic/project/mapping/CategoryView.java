package org.tic.project.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tic.project.domain.ProjectCategory;

@Schema(name = "ProjectCategoryTerms", description = "A project category and its mapping to the IEA, GEM and MPP vocabularies")
public record CategoryView(
        @Schema(example = "BIOENERGY_BIOMETHANE") ProjectCategory category,
        @Schema(example = "Bioenergy and biomethane") String label,
        CategoryTermsView terms) {
}
