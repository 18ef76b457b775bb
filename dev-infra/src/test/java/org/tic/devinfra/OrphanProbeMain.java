package org.tic.devinfra;

import org.tic.devinfra.launcher.Infrastructure;

import java.nio.file.Path;

/** Started in a child JVM by {@link InfrastructureTest}: brings the infrastructure up, says so, then waits to be killed. */
public final class OrphanProbeMain {

    public static void main(String[] args) throws Exception {
        Infrastructure infra = Infrastructure.start(Path.of(args[0]), Integer.parseInt(args[1]),
                Integer.parseInt(args[2]), Integer.parseInt(args[3]), false, false);
        System.out.println("READY " + infra.postgres().port() + " " + infra.kafka().port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
