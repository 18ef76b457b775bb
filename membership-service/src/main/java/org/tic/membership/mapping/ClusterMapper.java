package org.tic.membership.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import org.tic.membership.domain.Cluster;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

@ApplicationScoped
public class ClusterMapper {

    public ClusterView toView(Cluster c) {
        ClusterRequest.Location location = c.latitude == null || c.longitude == null ? null
                : new ClusterRequest.Location(c.latitude, c.longitude);
        return new ClusterView(c.id, c.slug, c.name, c.country, c.subnationalRegion, c.worldRegion, c.type,
                List.copyOf(c.sectors), c.coordinatorOrganizationId, location, c.status, c.statusReason, c.joinedDate,
                c.joinedYear, c.successorId, List.copyOf(c.sources), c.version, c.createdAt, c.updatedAt);
    }

    /** Copies the editable fields (not status, joined date, successor or slug once set). */
    public void apply(ClusterRequest r, Cluster c) {
        c.name = r.name().trim();
        c.country = r.country();
        c.subnationalRegion = r.subnationalRegion();
        c.worldRegion = r.worldRegion();
        c.type = r.type();
        c.sectors = Sectors.normalise(r.sectors());
        c.coordinatorOrganizationId = r.coordinatorOrganizationId();
        c.latitude = r.location() == null ? null : r.location().latitude();
        c.longitude = r.location() == null ? null : r.location().longitude();
        c.sources = r.sources() == null ? new ArrayList<>() : new ArrayList<>(r.sources());
    }

    /** "Net-Zero Basque Industrial Super Cluster" → "net-zero-basque-industrial-super-cluster". */
    public static String slugOf(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 120) {
            slug = slug.substring(0, 120).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "cluster" : slug;
    }
}
