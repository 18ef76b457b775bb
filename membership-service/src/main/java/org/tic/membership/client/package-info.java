/**
 * Outbound calls to other systems: only the identity provider's admin API (partner API clients). Membership data has
 * no other source: this service is the source of membership truth.
 */
package org.tic.membership.client;
