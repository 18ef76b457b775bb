package org.tic.delivery.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tic.commons.error.Problem;
import org.tic.commons.rest.ETags;
import org.tic.commons.rules.RuleViolation;
import org.tic.delivery.domain.Delivery;
import org.tic.delivery.domain.Subscription;
import org.tic.delivery.mapping.DeliveryView;
import org.tic.delivery.mapping.SubscriptionRequest;
import org.tic.delivery.mapping.SubscriptionView;
import org.tic.delivery.service.SubscriptionService;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Webhooks", description = "Signed push deliveries of the changes (CloudEvents over HTTP, Standard Webhooks "
        + "signatures), at least once, in order per aggregate, retried for 24 h; see docs/receiving-changes.md")
public class WebhookResource {

    private final SubscriptionService service;
    private final Clock clock;

    public WebhookResource(SubscriptionService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhook", summary = "Subscribe a receiver",
            description = "Any token holder, for the changes it may read itself; the secretariat also for a partner "
                    + "organization (organizationId). Delivers what happens from now on. The answer holds the signing "
                    + "secret, once.")
    @APIResponse(responseCode = "201", description = "Subscribed; keep the secret",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "422", description = "A URL that is not https or not public (production), an unknown "
            + "event type, too many filters: nothing is stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(SubscriptionRequest request) {
        Subscription s = service.create(request);
        return ETags.created(URI.create("/api/v1/webhooks/" + s.id()), SubscriptionView.of(s, true, now()), s.version());
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "Your subscriptions (the secretariat: all)",
            description = "Newest first, at most 500, without their secrets.")
    public List<SubscriptionView> list() {
        Instant now = now();
        return service.list().stream().map(s -> SubscriptionView.of(s, false, now)).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhook", summary = "One subscription: its status, and why it was disabled if it was",
            description = "Yours (the secretariat: any); its secret is not shown again.")
    @APIResponse(responseCode = "200", description = "The subscription, without its secret; ETag is its version",
            headers = @Header(name = "ETag", description = "Its version, for If-Match", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "404", description = "No such subscription of yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        Subscription s = service.get(id);
        return ETags.ok(SubscriptionView.of(s, false, now()), s.version());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateWebhook", summary = "Change the URL or the filters",
            description = "If-Match with the ETag read; rights, owner, secret and position in the feed stay.")
    @APIResponse(responseCode = "200", description = "Changed; ETag is the new version",
            headers = @Header(name = "ETag", description = "Its version, for If-Match", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "412", description = "Changed meanwhile",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           SubscriptionRequest request) {
        Subscription s = service.update(id, ifMatch, request);
        return ETags.ok(SubscriptionView.of(s, false, now()), s.version());
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteWebhook", summary = "Unsubscribe (its log and dead letters go with it)",
            description = "Nothing more is delivered to it, queued deliveries included.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") UUID id) {
        service.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/rotate-secret")
    @Operation(operationId = "rotateWebhookSecret", summary = "A new signing secret",
            description = "Deliveries carry two signatures (new and previous secret) until previousSecretValidUntil, "
                    + "so the receiver can switch without losing one. The answer holds the new secret, once.")
    @APIResponse(responseCode = "200", description = "The subscription with its new secret; ETag is the new version",
            headers = @Header(name = "ETag", description = "Its version, for If-Match", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    public Response rotate(@PathParam("id") UUID id) {
        Subscription s = service.rotateSecret(id);
        return ETags.ok(SubscriptionView.of(s, true, now()), s.version());
    }

    @POST
    @Path("/{id}/enable")
    @Operation(operationId = "enableWebhook", summary = "Deliver again after it was disabled",
            description = "Queued deliveries resume in order.")
    @APIResponse(responseCode = "200", description = "Active again; ETag is the new version",
            headers = @Header(name = "ETag", description = "Its version, for If-Match", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    public Response enable(@PathParam("id") UUID id) {
        Subscription s = service.enable(id);
        return ETags.ok(SubscriptionView.of(s, false, now()), s.version());
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The delivery log, newest first",
            description = "status=DEAD lists the dead letters (redeliver them one by one).")
    @APIResponse(responseCode = "200", description = "Up to limit deliveries, newest first",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = DeliveryView.class)))
    public Response deliveries(@PathParam("id") UUID id,
                               @Parameter(schema = @Schema(enumeration = {"PENDING", "DELIVERED", "DEAD"}))
                               @QueryParam("status") String status,
                               @Parameter(description = "1-500, default 50") @QueryParam("limit") Integer limit) {
        Delivery.Status st;
        try {
            st = status == null || status.isBlank() ? null : Delivery.Status.valueOf(status.trim());
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalid("status", "must be PENDING, DELIVERED or DEAD");
        }
        int n = limit == null ? 50 : limit;
        if (n < 1 || n > 500) {
            throw RuleViolation.invalid("limit", "must be between 1 and 500");
        }
        return Response.ok(service.deliveries(id, st, null, n).stream().map(DeliveryView::of).toList()).build();
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redeliver")
    @Operation(operationId = "redeliverWebhookDelivery", summary = "Send a dead letter again",
            description = "It is queued as new (attempts from zero, the retry period anew).")
    @APIResponse(responseCode = "200", description = "Queued again",
            content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "409", description = "Not a dead letter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DeliveryView redeliver(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return DeliveryView.of(service.redeliver(id, deliveryId));
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
