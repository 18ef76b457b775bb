/** Typed configuration of this service. */
package org.tic.membership.config;
