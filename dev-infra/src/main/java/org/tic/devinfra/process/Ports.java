package org.tic.devinfra.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/** Small helpers for loopback ports. */
public final class Ports {

    private Ports() {
    }

    /** An ephemeral port that was free a moment ago (other programs on shared machines hold the usual ones). */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean isOpen(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits until something listens on the port, or the deadline passes, or {@code stillAlive} says the owner died. */
    public static void awaitOpen(String host, int port, Duration timeout, java.util.function.BooleanSupplier stillAlive) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (isOpen(host, port)) {
                return;
            }
            if (!stillAlive.getAsBoolean()) {
                throw new IllegalStateException("Process died before opening port " + port);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for port " + port, e);
            }
        }
        throw new IllegalStateException("Nothing listens on " + host + ":" + port + " after " + timeout);
    }
}
