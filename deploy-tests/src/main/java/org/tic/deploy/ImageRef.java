package org.tic.deploy;

/** registry/repository[:tag][@digest], as in a container's image field. */
record ImageRef(String name, String tag, String digest) {

    static ImageRef parse(String image) {
        String rest = image.strip();
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        return new ImageRef(rest, tag, digest);
    }

    /** A real image name: something/repository, not the base's bare placeholder. */
    boolean hasRegistryPath() {
        return name.contains("/");
    }
}
