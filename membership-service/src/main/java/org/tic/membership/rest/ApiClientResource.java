package org.tic.membership.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.tic.commons.rest.PageRequest;
import org.tic.commons.rest.PageResponse;
import org.tic.commons.security.Caller;
import org.tic.commons.security.Roles;
import org.tic.membership.mapping.ApiClientRequest;
import org.tic.membership.mapping.ApiClientView;
import org.tic.membership.service.ApiClientService;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1/organizations/{organizationId}/api-clients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "API clients", description = "Partner organizations' machine clients (OAuth client-credentials grant) in the "
        + "identity provider. Secretariat, or a coordinator of a cluster the organization takes part in.")
public class ApiClientResource {

    static final String KEY_DESCRIPTION = "The API client's id, or its clientId";

    private final ApiClientService service;
    private final Caller caller;

    public ApiClientResource(ApiClientService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.SECRETARIAT, Roles.COORDINATOR})
    @Operation(operationId = "registerApiClient", summary = "Register an API client", description = "Creates a confidential client in the identity provider "
            + "whose tokens carry org (this organization), clusters (those it takes part in now), role partner and "
            + "audience tic-platform. The answer holds the secret: it is shown only here and on rotation.")
    @APIResponse(responseCode = "201", description = "Registered; clientSecret is in this answer only", content = @Content(schema = @Schema(implementation = ApiClientView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Neither the secretariat nor a coordinator of one of the organization's clusters")
    @APIResponse(responseCode = "404", description = "No such organization")
    @APIResponse(responseCode = "503", description = "Identity provider not configured (type identity-provider-unavailable) "
            + "or unreachable (with Retry-After)")
    public Response register(@PathParam("organizationId") UUID organizationId, ApiClientRequest request, @Context UriInfo uri) {
        ApiClientService.Issued issued = service.register(organizationId, request, caller.actor());
        URI location = uri.getBaseUriBuilder().path("api/v1/api-clients").path(issued.client().id.toString()).build();
        return Response.created(location).cacheControl(noStore())
                .entity(ApiClientView.withSecret(issued.client(), issued.secret(), service.tokenUrl())).build();
    }

    @GET
    @RolesAllowed({Roles.SECRETARIAT, Roles.COORDINATOR})
    @Operation(operationId = "listApiClients", summary = "List an organization's API clients", description = "Newest first, revoked ones included; never a secret")
    @APIResponse(responseCode = "200", description = "A page of clients")
    @APIResponse(responseCode = "403", description = "Neither the secretariat nor a coordinator of one of the organization's clusters")
    @APIResponse(responseCode = "404", description = "No such organization")
    public PageResponse<ApiClientView> list(@PathParam("organizationId") UUID organizationId,
                                            @QueryParam("page") Integer page, @QueryParam("size") Integer size,
            @Parameter(description = PageRequest.COUNT_DESCRIPTION, schema = @Schema(enumeration = {"estimated", "exact"}))
            @QueryParam("count") String count) {
        PageRequest pr = PageRequest.of(page, size, count);
        var result = service.list(organizationId, pr);
        String tokenUrl = service.tokenUrl();
        return PageResponse.of(result.items(), pr, result.total(), c -> ApiClientView.of(c, tokenUrl));
    }

    @POST
    @RolesAllowed({Roles.SECRETARIAT, Roles.COORDINATOR})
    @Path("/{key}/rotate-secret")
    @Consumes(MediaType.WILDCARD) // no body: clients need not send a Content-Type
    @Operation(operationId = "rotateApiClientSecret", summary = "Rotate an API client's secret", description = "The identity provider generates a new secret, "
            + "shown only in this answer; the old one gets no new tokens from now on (tokens already issued stay valid "
            + "until they expire, at most 5 minutes).")
    @APIResponse(responseCode = "200", description = "The client with its new clientSecret", content = @Content(schema = @Schema(implementation = ApiClientView.class)))
    @APIResponse(responseCode = "404", description = "No such organization, or no such client of it")
    @APIResponse(responseCode = "409", description = "The client was revoked")
    @APIResponse(responseCode = "503", description = "Identity provider not configured or unreachable")
    public Response rotateSecret(@PathParam("organizationId") UUID organizationId,
                                 @Parameter(description = KEY_DESCRIPTION, example = "partner-acme-steel-k3x9q2")
                                 @PathParam("key") String key) {
        ApiClientService.Issued issued = service.rotateSecret(organizationId, key, caller.actor());
        return Response.ok(ApiClientView.withSecret(issued.client(), issued.secret(), service.tokenUrl()))
                .cacheControl(noStore()).build();
    }

    @DELETE
    @RolesAllowed({Roles.SECRETARIAT, Roles.COORDINATOR})
    @Path("/{key}")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "revokeApiClient", summary = "Revoke an API client", description = "Deletes it in the identity provider: no new tokens from "
            + "now on; tokens already issued stay valid until they expire (at most 5 minutes). The client stays listed "
            + "as REVOKED. Revoking it again changes nothing.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such organization, or no such client of it")
    @APIResponse(responseCode = "503", description = "Identity provider not configured or unreachable")
    public Response revoke(@PathParam("organizationId") UUID organizationId,
                           @Parameter(description = KEY_DESCRIPTION, example = "partner-acme-steel-k3x9q2")
                           @PathParam("key") String key) {
        service.revoke(organizationId, key, caller.actor());
        return Response.noContent().build();
    }

    static CacheControl noStore() {
        CacheControl cc = new CacheControl();
        cc.setNoStore(true);
        return cc;
    }
}
