package org.tic.delivery.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.tic.delivery.domain.WebhookUrlPolicy;

/** The receiver URL rules of this deployment (production: https and public addresses only). */
@ApplicationScoped
public class WebhookUrlPolicyProducer {

    @Produces
    @Singleton
    WebhookUrlPolicy policy(DeliveryConfig config) {
        return new WebhookUrlPolicy(config.webhooks().allowInsecureUrls(), config.webhooks().allowPrivateAddresses(),
                WebhookUrlPolicy.dns());
    }
}
