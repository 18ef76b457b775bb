package org.tic.delivery.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.tic.commons.error.ProblemException;
import org.tic.commons.rest.ETags;
import org.tic.commons.rules.FieldViolation;
import org.tic.commons.rules.RuleViolation;
import org.tic.commons.security.Caller;
import org.tic.delivery.config.DeliveryConfig;
import org.tic.delivery.domain.Delivery;
import org.tic.delivery.domain.Subscription;
import org.tic.delivery.domain.SubscriptionRules;
import org.tic.delivery.domain.Viewer;
import org.tic.delivery.domain.WebhookSignature;
import org.tic.delivery.domain.WebhookUrlPolicy;
import org.tic.delivery.mapping.SubscriptionRequest;
import org.tic.delivery.repository.ChangeRepository;
import org.tic.delivery.repository.DeliveryRepository;
import org.tic.delivery.repository.SubscriptionRepository;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Webhook subscriptions and their deliveries. Anyone with a token may subscribe, for what it may read itself; the
 * secretariat may subscribe on behalf of a partner organization (deliveries then carry what a partner may read).
 * A subscription is seen and managed by its owner and the secretariat only (others get 404).
 */
@ApplicationScoped
public class SubscriptionService {

    private static final int MAX_LIST = 500;

    private final SubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    private final ChangeRepository changes;
    private final WebhookUrlPolicy urls;
    private final DeliveryConfig config;
    private final Caller caller;
    private final Clock clock;

    public SubscriptionService(SubscriptionRepository subscriptions, DeliveryRepository deliveries, ChangeRepository changes,
                               WebhookUrlPolicy urls, DeliveryConfig config, Caller caller, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.changes = changes;
        this.urls = urls;
        this.config = config;
        this.caller = caller;
        this.clock = clock;
    }

    /** A new subscription, delivering what happens from now on; its secret is in the answer only. */
    public Subscription create(SubscriptionRequest r) {
        caller.requireAuthenticated();
        SubscriptionRules.Checked checked = check(r);
        Viewer reader;
        UUID organization = r.organizationId();
        if (caller.isSecretariat()) {
            reader = organization == null ? new Viewer(true, Set.of(), caller.actor()) : Viewer.ANONYMOUS;
        } else {
            if (organization != null && !organization.equals(caller.organizationId())) {
                throw Caller.forbidden("Only the secretariat may subscribe for another organization");
            }
            organization = caller.organizationId();
            reader = new Viewer(false, caller.clusters(), caller.actor());
        }
        Instant now = now();
        Subscription s = new Subscription(UUID.randomUUID(), r.url().trim(), r.description(), checked.types().types(),
                checked.types().baseTypes(), ids(r.clusters()), ids(r.projects()), reader, organization, caller.actor(),
                WebhookSignature.newSecret(), null, null, Subscription.Status.ACTIVE, null, null, null, changes.head(),
                now, now, 0);
        subscriptions.insert(s);
        return s;
    }

    public List<Subscription> list() {
        caller.requireAuthenticated();
        return subscriptions.list(caller.isSecretariat() ? null : caller.actor(), MAX_LIST);
    }

    public Subscription get(UUID id) {
        caller.requireAuthenticated();
        return subscriptions.find(id).filter(s -> caller.isSecretariat() || s.ownerSubject().equals(caller.actor()))
                .orElseThrow(() -> ProblemException.notFound("Subscription", id));
    }

    /** New URL and filters (If-Match: the version read); the rights, owner, secret and feed position stay. */
    public Subscription update(UUID id, String ifMatch, SubscriptionRequest r) {
        Subscription s = get(id);
        ETags.checkIfMatch(ifMatch, s.version());
        SubscriptionRules.Checked checked = check(r);
        if (r.organizationId() != null && !r.organizationId().equals(s.organizationId())) {
            throw RuleViolation.unprocessable("organization-fixed", "Organization cannot change",
                    "A subscription's organization is fixed at creation: delete it and subscribe anew");
        }
        return save(s.withTarget(r.url().trim(), r.description(), checked.types().types(), checked.types().baseTypes(),
                ids(r.clusters()), ids(r.projects()), now()));
    }

    /** A new secret; the old one keeps signing (second signature) for the configured overlap. */
    public Subscription rotateSecret(UUID id) {
        Subscription s = get(id);
        Instant now = now();
        return save(s.withSecret(WebhookSignature.newSecret(), now.plus(config.webhooks().previousSecretValidity()), now));
    }

    /** A disabled subscription delivers again, from where it stopped (its pending deliveries are still queued). */
    public Subscription enable(UUID id) {
        Subscription s = get(id);
        return save(s.enabled(now()));
    }

    public void delete(UUID id) {
        subscriptions.delete(get(id).id());
    }

    public List<Delivery> deliveries(UUID id, Delivery.Status status, Long beforeSeq, int limit) {
        return deliveries.log(get(id).id(), status, beforeSeq, limit);
    }

    public Delivery redeliver(UUID id, UUID deliveryId) {
        Subscription s = get(id);
        if (!deliveries.redeliver(s.id(), deliveryId, now())) {
            Delivery d = deliveries.find(s.id(), deliveryId).orElseThrow(() -> ProblemException.notFound("Delivery", deliveryId));
            throw RuleViolation.conflict("Only a dead letter can be redelivered; this delivery is " + d.status());
        }
        return deliveries.find(s.id(), deliveryId).orElseThrow();
    }

    private Subscription save(Subscription s) {
        if (!subscriptions.update(s)) {
            throw ProblemException.preconditionFailed("The subscription changed meanwhile; read it again (new ETag)");
        }
        return s;
    }

    private SubscriptionRules.Checked check(SubscriptionRequest r) {
        if (r == null) {
            throw ProblemException.badRequest("A JSON body is required");
        }
        SubscriptionRules.Checked checked = SubscriptionRules.check(r.url(), r.types(), r.clusters(), r.projects(),
                r.description(), urls);
        if (!checked.violations().isEmpty()) {
            List<FieldViolation> v = checked.violations().stream().map(x -> new FieldViolation(x.field(), x.message())).toList();
            throw new RuleViolation(RuleViolation.Kind.UNPROCESSABLE, "invalid-subscription", "Invalid subscription",
                    v.stream().map(x -> x.field() + ": " + x.message()).collect(Collectors.joining("; ")), v, null);
        }
        return checked;
    }

    private static Set<UUID> ids(List<UUID> ids) {
        return ids == null ? Set.of() : new LinkedHashSet<>(ids);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
