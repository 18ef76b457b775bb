package org.tic.membership.domain;

public enum WorldRegion {
    AFRICA,
    ASIA_PACIFIC,
    EUROPE,
    LATIN_AMERICA_CARIBBEAN,
    MIDDLE_EAST,
    NORTH_AMERICA
}
