package org.tic.delivery.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "ChangePage", description = "Changes in feed order, oldest first")
public record ChangePageView(
        List<ChangeView> items,
        @Schema(description = "Pass as after= for the next page (also when this one was empty: keep polling with it)",
                example = "YzE6NDI") String next,
        @Schema(description = "More changes are already there: ask again at once") boolean hasMore) {
}
