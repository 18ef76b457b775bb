package org.tic.kpi.mapping;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvReaderTest {

    @Test
    void quotedFieldsCommasDoubledQuotesAndLineBreaksWithTheLineEachRecordStartsOn() throws IOException {
        List<CsvReader.Row> rows = read("\uFEFFa,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,\"two\nlines\",z\n\n3,,\r\n");
        assertEquals(List.of("a", "b", "c"), rows.get(0).fields());
        assertEquals(List.of("1", "x, y", "say \"hi\""), rows.get(1).fields());
        assertEquals(2, rows.get(1).line());
        assertEquals(List.of("2", "two\nlines", "z"), rows.get(2).fields());
        assertEquals(3, rows.get(2).line());
        assertTrue(rows.get(3).blank());
        assertEquals(5, rows.get(3).line());
        assertEquals(List.of("3", "", ""), rows.get(4).fields());
        assertEquals(6, rows.get(4).line());
        assertEquals(5, rows.size());
    }

    @Test
    void aLastLineWithoutBreakAndLoneCarriageReturnsAreRecords() throws IOException {
        List<CsvReader.Row> rows = read("a\rb\r\nc");
        assertEquals(List.of(List.of("a"), List.of("b"), List.of("c")), rows.stream().map(CsvReader.Row::fields).toList());
    }

    @Test
    void malformedRecordsSayWhere() {
        var unclosed = assertThrows(CsvReader.MalformedCsvException.class, () -> read("a\n\"open,b\nc\n"));
        assertEquals(2, unclosed.line());
        var junk = assertThrows(CsvReader.MalformedCsvException.class, () -> read("a\nb\n\"x\"y,z\n"));
        assertEquals(3, junk.line());
        var tooLong = assertThrows(CsvReader.MalformedCsvException.class,
                () -> new CsvReader(new StringReader("x".repeat(50)), 10).next());
        assertTrue(tooLong.getMessage().contains("longer than 10"));
    }

    @Test
    void theWriterEscapesWhatTheReaderReads() throws IOException {
        var out = new java.io.StringWriter();
        new CsvWriter(out).row(java.util.Arrays.asList("plain", "a,b", "q\"q", "two\nlines", null, "=1+1", -3));
        CsvReader.Row row = new CsvReader(new StringReader(out.toString()), 100).next();
        assertEquals(List.of("plain", "a,b", "q\"q", "two\nlines", "", "'=1+1", "-3"), row.fields());
    }

    private static List<CsvReader.Row> read(String s) throws IOException {
        CsvReader r = new CsvReader(new StringReader(s), 1000);
        List<CsvReader.Row> rows = new ArrayList<>();
        for (CsvReader.Row row = r.next(); row != null; row = r.next()) {
            rows.add(row);
        }
        assertNull(r.next());
        return rows;
    }
}
