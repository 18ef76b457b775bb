package org.tic.project.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** The shape of {@code GET /api/v1/map} for the OpenAPI document (the answer itself is built as plain maps). */
public final class NetworkMapSchema {

    private NetworkMapSchema() {
    }

    @Schema(name = "GeoJsonFeatureCollection", description = "GeoJSON FeatureCollection (RFC 7946)")
    public record FeatureCollection(@Schema(enumeration = "FeatureCollection") String type, List<Feature> features) {
    }

    @Schema(name = "GeoJsonFeature", description = "A cluster (Point) or a corridor (LineString)")
    public record Feature(@Schema(enumeration = "Feature") String type,
                          @Schema(description = "The cluster's or the project's id") String id,
                          Geometry geometry,
                          @Schema(description = "kind (cluster or corridor) and the fields named in the operation",
                                  example = "{\"kind\":\"cluster\",\"slug\":\"port-of-rotterdam\",\"name\":\"Port of Rotterdam\","
                                          + "\"country\":\"NL\",\"type\":\"PORT\",\"status\":\"SIGNATORY\",\"joinedYear\":2024}")
                          Map<String, Object> properties) {
    }

    @Schema(name = "GeoJsonGeometry")
    public record Geometry(@Schema(enumeration = {"Point", "LineString"}) String type,
                           @Schema(description = "Point: [longitude, latitude]; LineString: a list of them",
                                   example = "[4.14, 51.95]") List<Object> coordinates) {
    }
}
