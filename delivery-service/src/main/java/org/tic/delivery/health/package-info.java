/**
 * Health checks beyond the built-in ones: readiness already covers the datasource and the three Kafka channels,
 * liveness does not depend on them.
 */
package org.tic.delivery.health;
