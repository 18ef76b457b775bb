package org.tic.delivery;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/** A real HTTP receiver in the test (the JDK's server): records each request and answers as told. */
public final class Receiver implements AutoCloseable {

    /** One received request: its headers (lower-case names) and body. */
    public record Received(Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger count = new AtomicInteger();
    private volatile IntUnaryOperator status = n -> 204;
    private volatile long delayMs;

    public Receiver() throws IOException {
        this(0);
    }

    /** On a given port: a receiver that comes back where a stopped one was. */
    public Receiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                Map<String, String> headers = new TreeMap<>();
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
                received.add(new Received(headers, body));
                int n = count.incrementAndGet();
                if (delayMs > 0) {
                    try {
                        Thread.sleep(delayMs); // a receiver that hangs
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                exchange.sendResponseHeaders(status.applyAsInt(n), -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The status for the n-th request (1-based). */
    public Receiver answering(IntUnaryOperator status) {
        this.status = status;
        return this;
    }

    public Receiver hanging(long delayMs) {
        this.delayMs = delayMs;
        return this;
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
