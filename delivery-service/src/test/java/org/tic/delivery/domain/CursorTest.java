package org.tic.delivery.domain;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CursorTest {

    @Test
    void aCursorIsReadBackAsItsPosition() {
        for (long seq : new long[]{0, 1, 42, Long.MAX_VALUE}) {
            assertEquals(OptionalLong.of(seq), Cursor.parse(Cursor.of(seq)));
        }
    }

    @Test
    void anythingElseIsNoCursor() {
        for (String s : new String[]{"", "42", "YzI6NDI", "YzE6LTE", "YzE6eA", "!!", "Yz".repeat(40)}) {
            assertEquals(OptionalLong.empty(), Cursor.parse(s), s);
        }
    }
}
