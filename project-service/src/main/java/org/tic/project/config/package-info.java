/** Typed configuration of this service (none beyond application.properties yet; see the README's configuration table). */
package org.tic.project.config;
