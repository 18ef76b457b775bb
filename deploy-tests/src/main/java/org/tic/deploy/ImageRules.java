package org.tic.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.regex.Pattern;

/** A registry and an explicit tag or digest everywhere; in production no latest, snapshot or branch tags (rule image). */
final class ImageRules extends OverlayCheck {

    ImageRules(Overlay overlay) {
        super(overlay);
    }

    private static final Pattern UNPINNED_TAG = Pattern.compile("(?i).*(latest|snapshot|dev|main|master|edge|nightly).*");

    void container(Manifest d, String where, JsonNode c) {
        String image = c.path("image").asText("");
        ImageRef ref = ImageRef.parse(image);
        if (image.isBlank()) {
            add("image", d, where + " has no image");
            return;
        }
        if (!ref.hasRegistryPath()) {
            add("image", d, where + " image '" + image + "' is the base's placeholder: set newName (and a tag) in the overlay's images:");
        }
        if (ref.digest() == null && ref.tag() == null) {
            add("image", d, where + " image '" + image + "' has no tag (an implicit latest)");
        } else if ("latest".equals(ref.tag())) {
            add("image", d, where + " image '" + image + "' uses the latest tag");
        } else if (production && ref.digest() == null && UNPINNED_TAG.matcher(ref.tag()).matches()) {
            add("image", d, where + " image '" + image + "' is not pinned to a release in production "
                    + "(tag '" + ref.tag() + "'; use a release tag or a digest)");
        }
        if (production && "Always".equals(c.path("imagePullPolicy").asText())) {
            add("image", d, where + " pulls Always in production although its tag is pinned");
        }
    }
}
