package org.tic.membership.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tic.commons.security.Roles;
import org.tic.membership.mapping.ApiClientView;
import org.tic.membership.service.ApiClientService;

/** An API client by its own id or clientId, without knowing its organization (e.g. from a token's azp). */
@Path("/api/v1/api-clients")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "API clients")
public class ApiClientLookupResource {

    private final ApiClientService service;

    public ApiClientLookupResource(ApiClientService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.SECRETARIAT, Roles.COORDINATOR})
    @Path("/{key}")
    @Operation(operationId = "getApiClient", summary = "Get an API client", description = "Never its secret")
    @APIResponse(responseCode = "200", description = "The client")
    @APIResponse(responseCode = "403", description = "Neither the secretariat nor a coordinator of one of the organization's clusters")
    @APIResponse(responseCode = "404", description = "No such client")
    public ApiClientView get(@Parameter(description = ApiClientResource.KEY_DESCRIPTION, example = "partner-acme-steel-k3x9q2")
                             @PathParam("key") String key) {
        return ApiClientView.of(service.get(key), service.tokenUrl());
    }
}
