package org.tic.project.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * "Today" for date checks: the latest calendar date anywhere on Earth (UTC+14), so a user reporting an event
 * dated today in their own time zone is never told it lies in the future.
 */
public final class Today {

    private static final ZoneOffset EARLIEST_ZONE = ZoneOffset.ofHours(14);

    private Today() {
    }

    public static LocalDate latest(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), EARLIEST_ZONE);
    }

    /** Today in UTC, for statuses such as "overdue". */
    public static LocalDate utc(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
