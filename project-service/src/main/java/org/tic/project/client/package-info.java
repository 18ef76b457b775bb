/**
 * Outbound calls to other systems. project-service makes none: what it needs to know about clusters and
 * organizations comes from its read model of membership.events, so it keeps working while membership-service is down.
 */
package org.tic.project.client;
