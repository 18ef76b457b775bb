package org.tic.commons.rest;

import jakarta.ws.rs.core.Response;
import org.tic.commons.error.ProblemException;

import java.net.URI;

/**
 * Strong ETags from an entity's optimistic-lock version. {@code If-Match} is optional on updates; when sent it
 * must name the current version, else 412 (the database version check still guards concurrent writers).
 */
public final class ETags {

    private ETags() {
    }

    /** 200 with the body and its ETag. */
    public static Response ok(Object body, long version) {
        return Response.ok(body).tag(String.valueOf(version)).build();
    }

    /** 201 with Location, the body and its ETag. */
    public static Response created(URI location, Object body, long version) {
        return Response.created(location).tag(String.valueOf(version)).entity(body).build();
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    public static void checkIfMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        String current = of(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(current)) {
                return;
            }
        }
        throw ProblemException.preconditionFailed("If-Match " + (ifMatch.length() > 60 ? ifMatch.substring(0, 60) : ifMatch)
                + " does not match the current version " + current);
    }

    /** Parses a version from an If-Match header, or null when absent or "*". */
    public static Long versionOf(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String tag = ifMatch.split(",")[0].trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw ProblemException.preconditionFailed("If-Match " + (ifMatch.length() > 60 ? ifMatch.substring(0, 60) : ifMatch)
                    + " is not a version of this resource");
        }
    }
}
