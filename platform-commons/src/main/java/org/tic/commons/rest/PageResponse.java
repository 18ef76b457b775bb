package org.tic.commons.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, with the totals a client needs to page through it. No class-level {@code @Schema}: smallrye
 * would put the raw generic type into every OpenAPI document beside the PageResponse&lt;X&gt; the operations answer.
 */
public record PageResponse<T>(
        @Schema(description = "The items of this page") List<T> items,
        @Schema(description = "Page number, from 0", example = "0") int page,
        @Schema(description = "Requested page size", example = "20") int size,
        @Schema(description = "Number of items over all pages (see totalItemsExact)", example = "40") long totalItems,
        @Schema(description = "Number of pages", example = "2") int totalPages,
        @Schema(description = "Whether totalItems was counted for this request; false: an estimate (the count of "
                + "the same filter from up to 30 s ago, never less than this page shows). Ask count=exact for an exact one",
                example = "true") boolean totalItemsExact) {

    public static <E, T> PageResponse<T> of(List<E> items, PageRequest request, long total, Function<E, T> mapper) {
        return of(items, request, new PageTotals.Total(total, true), mapper);
    }

    public static <E, T> PageResponse<T> of(List<E> items, PageRequest request, PageTotals.Total total, Function<E, T> mapper) {
        int pages = (int) ((total.value() + request.size() - 1) / request.size());
        return new PageResponse<>(items.stream().map(mapper).toList(), request.page(), request.size(), total.value(),
                pages, total.exact());
    }
}
