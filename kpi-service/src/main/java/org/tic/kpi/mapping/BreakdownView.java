package org.tic.kpi.mapping;

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
    public record GroupView(
            @Schema(example = "GB") String key,
            @Schema(description = "Signatory clusters in the group (for project groups: clusters of its projects)") int clusters,
            List<String> countries,
            int projects,
            @Schema(description = "Projects of the group shared with clusters outside it or with several clusters") int sharedProjects,
            List<TotalView> totals) {
    }
}
