package org.tic.delivery.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.tic.commons.error.Problem;
import org.tic.commons.error.ProblemException;
import org.tic.delivery.domain.Change;
import org.tic.delivery.domain.ChangeQuery;
import org.tic.delivery.domain.Cursor;
import org.tic.delivery.repository.ChangeRepository;

import java.time.Duration;
import java.util.List;

/** Pages of the feed after a cursor, waiting for the next change when asked to (long-poll). */
@ApplicationScoped
public class ChangeFeed {

    /** A page, and the seq to resume after: its last change's, or the request's own when it was empty. */
    public record Page(List<Change> items, long next, boolean hasMore) {
    }

    private final ChangeRepository changes;
    private final ChangeSignal signal;

    public ChangeFeed(ChangeRepository changes, ChangeSignal signal) {
        this.changes = changes;
        this.signal = signal;
    }

    public Page read(ChangeQuery q, Duration wait) {
        long deleted = changes.deletedThrough();
        if (q.afterSeq() < deleted) {
            throw new ProblemException(new Problem("cursor-expired", "Cursor expired", 410,
                    "Changes after this cursor are older than the feed's retention and were deleted; resume from "
                            + "oldestCursor (and reconcile with the resources' own reads), or start from now "
                            + "(GET /api/v1/changes/latest)", null).with("oldestCursor", Cursor.of(deleted)));
        }
        long seen = signal.generation();
        Page page = once(q);
        if (!page.items().isEmpty() || wait.isZero() || !signal.enter()) {
            return page;
        }
        try {
            long deadline = System.nanoTime() + wait.toNanos();
            while (page.items().isEmpty() && !signal.stopping()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                signal.awaitAfter(seen, Duration.ofNanos(left));
                seen = signal.generation();
                page = once(q);
            }
            return page;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return page;
        } finally {
            signal.leave();
        }
    }

    /** The newest position: a partner that wants only what happens from now on starts here. */
    public long latest() {
        return changes.head();
    }

    private Page once(ChangeQuery q) {
        List<Change> rows = changes.page(q.withLimit(q.limit() + 1)); // one more: is there a next page
        boolean more = rows.size() > q.limit();
        List<Change> items = more ? rows.subList(0, q.limit()) : rows;
        return new Page(List.copyOf(items), items.isEmpty() ? q.afterSeq() : items.get(items.size() - 1).seq(), more);
    }
}
