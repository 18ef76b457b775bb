/**
 * Health checks beyond the built-in ones: readiness already covers the datasource (Agroal) and the Kafka
 * channels (SmallRye Reactive Messaging); liveness does not depend on either.
 */
package org.tic.kpi.health;
