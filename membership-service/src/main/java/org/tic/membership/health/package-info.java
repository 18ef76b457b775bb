/** Health checks beyond the built-in datasource readiness check. */
package org.tic.membership.health;
