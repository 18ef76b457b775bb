/** Outbound calls to other systems. membership-service calls none: it is the source of membership truth. */
package org.tic.membership.client;
