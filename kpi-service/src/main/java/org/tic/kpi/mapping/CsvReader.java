package org.tic.kpi.mapping;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader: one record at a time from a {@link Reader}, so a file of any size is never held
 * in memory. Handles quoted fields with commas, doubled quotes and line breaks, CRLF or LF, and a UTF-8 BOM.
 * Each record knows the line it started on, for error messages.
 */
public final class CsvReader {

    /** @param line 1-based physical line where the record starts */
    public record Row(int line, List<String> fields) {
        public boolean blank() {
            return fields.size() == 1 && fields.get(0).isBlank();
        }
    }

    /** A record that cannot be parsed (e.g. an unterminated quote). */
    public static class MalformedCsvException extends RuntimeException {
        private final int line;

        public MalformedCsvException(int line, String message) {
            super("line " + line + ": " + message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private final Reader in;
    private final int maxFieldLength;
    private int line = 1;
    private int pushedBack = -2;
    private boolean first = true;

    public CsvReader(Reader in, int maxFieldLength) {
        this.in = in;
        this.maxFieldLength = maxFieldLength;
    }

    /** @return the next record, or null at the end of the input */
    public Row next() throws IOException {
        int c = read();
        if (first) {
            first = false;
            if (c == '\uFEFF') {
                c = read();
            }
        }
        if (c == -1) {
            return null;
        }
        int start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean afterQuote = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new MalformedCsvException(start, "a quoted field is not closed");
                }
                if (c == '"') {
                    int n = read();
                    if (n == '"') {
                        append(field, '"', start);
                    } else {
                        quoted = false;
                        afterQuote = true;
                        c = n;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    append(field, (char) c, start);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
            } else if (c == '\r' || c == '\n' || c == -1) {
                if (c == '\r') {
                    int n = read();
                    if (n != '\n') {
                        pushedBack = n;
                    }
                }
                if (c != -1) {
                    line++;
                }
                fields.add(field.toString());
                return new Row(start, fields);
            } else if (c == '"' && field.isEmpty() && !afterQuote) {
                quoted = true;
            } else if (afterQuote) {
                throw new MalformedCsvException(start, "unexpected character after a closing quote");
            } else {
                append(field, (char) c, start);
            }
            c = read();
        }
    }

    private void append(StringBuilder field, char c, int start) {
        if (field.length() >= maxFieldLength) {
            throw new MalformedCsvException(start, "a field is longer than " + maxFieldLength + " characters");
        }
        field.append(c);
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }
}
