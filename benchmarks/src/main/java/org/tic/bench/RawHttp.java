package org.tic.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP/1.1 keep-alive client on one socket: pre-built request bytes out, status (and optionally the body)
 * back. The load generator's per-connection transport — it does almost no work per request (no header maps, no
 * async machinery), so on a 2-core machine the CPU goes to the server under test, as with wrk.
 */
final class RawHttp implements Closeable {

    record Response(int status, byte[] body) {
        String text() {
            return body == null ? "" : new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String host;
    private final int port;
    private final int timeoutMillis;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final byte[] line = new byte[8192];
    private final byte[] skip = new byte[65536];

    RawHttp(String host, int port, int timeoutMillis) {
        this.host = host;
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    static byte[] get(String path, int port) {
        return ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: application/json\r\n"
                + "User-Agent: tic-bench\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] post(String path, int port, String contentType, byte[] body, String bearer) {
        String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: application/json\r\n"
                + "User-Agent: tic-bench\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length + "\r\n"
                + (bearer == null ? "" : "Authorization: Bearer " + bearer + "\r\n") + "\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    private void connect() throws IOException {
        close();
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(new InetSocketAddress(host, port), 5000);
        s.setSoTimeout(timeoutMillis);
        socket = s;
        in = new BufferedInputStream(s.getInputStream(), 65536);
        out = s.getOutputStream();
    }

    /** Sends one request and reads the whole response; reconnects once if a kept-alive connection was closed. */
    Response exchange(byte[] request, boolean keepBody) throws IOException {
        boolean fresh = socket == null;
        if (fresh) {
            connect();
        }
        try {
            return roundTrip(request, keepBody);
        } catch (IOException e) {
            if (fresh) {
                close();
                throw e;
            }
            connect(); // the server closed an idle keep-alive connection: retry once on a new one
            try {
                return roundTrip(request, keepBody);
            } catch (IOException again) {
                close();
                throw again;
            }
        }
    }

    private Response roundTrip(byte[] request, boolean keepBody) throws IOException {
        out.write(request);
        out.flush();
        String statusLine = readLine();
        if (statusLine == null) {
            throw new EOFException("connection closed before the status line");
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        String h;
        while ((h = readLine()) != null && !h.isEmpty()) {
            int colon = h.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = h.substring(0, colon).trim();
            String value = h.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.toLowerCase().contains("chunked")) {
                chunked = true;
            } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                close = true;
            }
        }
        ByteArrayOutputStream body = keepBody ? new ByteArrayOutputStream() : null;
        if (status == 204 || status == 304 || (status >= 100 && status < 200)) {
            // no body
        } else if (chunked) {
            while (true) {
                String sizeLine = readLine();
                if (sizeLine == null) {
                    throw new EOFException("chunked body cut off");
                }
                int semi = sizeLine.indexOf(';');
                long size = Long.parseLong((semi >= 0 ? sizeLine.substring(0, semi) : sizeLine).trim(), 16);
                if (size == 0) {
                    while ((h = readLine()) != null && !h.isEmpty()) {
                        // trailers
                    }
                    break;
                }
                read(size, body);
                readLine(); // CRLF after the chunk
            }
        } else if (length >= 0) {
            read(length, body);
        } else {
            // no length: the body ends with the connection
            int n;
            while ((n = in.read(skip)) > 0) {
                if (body != null) {
                    body.write(skip, 0, n);
                }
            }
            close = true;
        }
        if (close) {
            close();
        }
        return new Response(status, body == null ? null : body.toByteArray());
    }

    private void read(long n, ByteArrayOutputStream sink) throws IOException {
        long left = n;
        while (left > 0) {
            int r = in.read(skip, 0, (int) Math.min(skip.length, left));
            if (r < 0) {
                throw new EOFException("body cut off");
            }
            if (sink != null) {
                sink.write(skip, 0, r);
            }
            left -= r;
        }
    }

    private String readLine() throws IOException {
        int n = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                return n == 0 ? null : new String(line, 0, n, StandardCharsets.ISO_8859_1);
            }
            if (b == '\n') {
                if (n > 0 && line[n - 1] == '\r') {
                    n--;
                }
                return new String(line, 0, n, StandardCharsets.ISO_8859_1);
            }
            if (n < line.length) {
                line[n++] = (byte) b;
            }
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing
            }
            socket = null;
        }
    }
}
