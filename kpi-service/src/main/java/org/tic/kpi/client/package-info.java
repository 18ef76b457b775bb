/** Outbound calls to other systems. kpi-service calls none: what it knows of clusters and projects comes from events. */
package org.tic.kpi.client;
