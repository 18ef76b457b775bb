package org.tic.kpi.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

@Schema(name = "Breakdown")
public record BreakdownView(
        LocalDate asOf,
        @Schema(example = "country") String by,
        @Schema(description = "How groups relate to the initiative totals") String note,
        List<GroupView> groups) {

    @Schema(name = "BreakdownGroup")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GroupView(
            @Schema(example = "GB") String key,
            @Schema(description = "Signatory clusters in the group (for project groups: clusters of its projects)") int clusters,
            List<String> countries,
            int projects,
            @Schema(description = "Projects of the group shared with clusters outside it or with several clusters") int sharedProjects,
            List<TotalView> totals,
            @Schema(description = "By country only: the country's adoption of the framework on asOf (countries that adopted it "
                    + "without signatory clusters are groups too, with no clusters and no totals)") PolicyView.CountryView policy) {
    }
}
