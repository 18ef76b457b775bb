package org.tic.delivery.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ChangeCursor", description = "A position in the feed")
public record CursorView(@Schema(description = "Pass as after= to read what happens from here on", example = "YzE6NDI")
                         String cursor) {
}
