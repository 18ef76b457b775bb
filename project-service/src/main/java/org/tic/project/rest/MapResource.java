package org.tic.project.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tic.commons.error.Problem;
import org.tic.commons.rules.RuleViolation;
import org.tic.project.domain.NetworkMap;
import org.tic.project.mapping.NetworkMapSchema;
import org.tic.project.service.MapService;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

@Path("/api/v1/map")
@Tag(name = "Map", description = "The network on a map: clusters and corridors as GeoJSON")
public class MapResource {

    public static final String GEO_JSON = "application/geo+json";
    private static final Set<String> STATUSES = Set.of("APPLICANT", "SIGNATORY", "SUSPENDED", "WITHDRAWN", "MERGED");

    private final MapService service;

    public MapResource(MapService service) {
        this.service = service;
    }

    @GET
    @PermitAll
    @Produces(GEO_JSON)
    @Operation(operationId = "networkMap", summary = "Clusters and corridors as GeoJSON",
            description = "Public. A GeoJSON FeatureCollection (RFC 7946, coordinates [longitude, latitude]): each "
                    + "cluster with a location as a Point (properties kind=cluster, slug, name, country, type, status, "
                    + "joinedYear), each corridor as a LineString from its origin to its destination cluster (kind=corridor, "
                    + "name, category, stage, originClusterId, destinationClusterId, countries; a merged end is drawn at "
                    + "its successor). Feature ids are the cluster and project ids. Usable as-is in Leaflet, OpenLayers, "
                    + "QGIS or geojson.io.")
    @APIResponse(responseCode = "200", description = "The network", content = @Content(mediaType = GEO_JSON,
            schema = @Schema(implementation = NetworkMapSchema.FeatureCollection.class)))
    @APIResponse(responseCode = "400", description = "An unknown status",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Map<String, Object> map(
            @Parameter(description = "Cluster statuses to show (repeatable); default APPLICANT, SIGNATORY, SUSPENDED",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = String.class,
                            enumeration = {"APPLICANT", "SIGNATORY", "SUSPENDED", "WITHDRAWN", "MERGED"}))
            @QueryParam("status") List<String> status) {
        Set<String> statuses = new LinkedHashSet<>();
        if (status != null) {
            for (String s : status) {
                for (String part : s.split(",")) {
                    String v = part.trim().toUpperCase();
                    if (!v.isEmpty() && !STATUSES.contains(v)) {
                        throw RuleViolation.invalid("status", "unknown status '" + part.trim() + "'; one of " + new java.util.TreeSet<>(STATUSES));
                    }
                    if (!v.isEmpty()) {
                        statuses.add(v);
                    }
                }
            }
        }
        return service.network(statuses.isEmpty() ? NetworkMap.DEFAULT_STATUSES : statuses);
    }
}
