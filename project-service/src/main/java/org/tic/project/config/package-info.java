/** Beans that configure frameworks for this service (the JSON column format); its settings are in application.properties, see the README's configuration table. The clock is platform-commons' PlatformClock. */
package org.tic.project.config;
