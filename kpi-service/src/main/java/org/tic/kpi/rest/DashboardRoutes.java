package org.tic.kpi.rest;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The dashboard is static (META-INF/resources/dashboard/, plain JS modules, Chart.js from its webjar) and loads
 * everything relative to /dashboard/, so /dashboard redirects there. The redirect is relative: it also works behind
 * a proxy that serves the service under a path prefix.
 */
@ApplicationScoped
public class DashboardRoutes {

    void routes(@Observes Router router) {
        router.routeWithRegex(HttpMethod.GET, "^/dashboard$").handler(rc -> {
            String query = rc.request().query();
            rc.response().setStatusCode(301)
                    .putHeader("Location", "dashboard/" + (query == null || query.isEmpty() ? "" : "?" + query))
                    .putHeader("Cache-Control", "public, max-age=3600")
                    .end();
        });
    }
}
