package org.tic.commons.rest;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.lang.reflect.Method;

/** Adds the {@link DeprecationHeaders} to every answer of an operation (or resource) marked {@link Sunset}. */
public class DeprecationFilter {

    @ServerResponseFilter
    public void addHeaders(ResourceInfo resource, ContainerResponseContext response) {
        Method method = resource.getResourceMethod();
        Sunset sunset = method == null ? null : method.getAnnotation(Sunset.class);
        if (sunset == null && resource.getResourceClass() != null) {
            sunset = resource.getResourceClass().getAnnotation(Sunset.class);
        }
        if (sunset != null) {
            DeprecationHeaders.of(sunset).forEach((name, value) -> response.getHeaders().add(name, value));
        }
    }
}
