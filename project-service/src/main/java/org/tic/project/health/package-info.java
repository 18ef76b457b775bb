/**
 * Health checks beyond the built-in ones: readiness already covers the datasource and the Kafka channels
 * (membership-events consumer), liveness does not depend on them.
 */
package org.tic.project.health;
