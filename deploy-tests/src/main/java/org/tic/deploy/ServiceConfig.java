package org.tic.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service's own {@code application.properties} says about how it must be deployed: its port, its
 * database, the topics it publishes to, consumes and dead-letters to, its shutdown timeout. Read, never
 * written: the manifests must follow the code, not the other way round.
 */
public record ServiceConfig(String module, String applicationName, int httpPort, String database,
                            String outboxTopic, Set<String> consumedTopics, Set<String> deadLetterTopics,
                            Set<String> consumerGroups, Duration shutdownTimeout) {

    private static final Pattern JDBC = Pattern.compile("jdbc:postgresql://[^/]+/([^?;]+).*");
    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.(.+)");

    public static Path propertiesOf(Path repoRoot, String module) {
        return repoRoot.resolve(module).resolve("src/main/resources/application.properties");
    }

    public static Optional<ServiceConfig> load(Path repoRoot, String module) {
        Path file = propertiesOf(repoRoot, module);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
        String name = prod(p, "quarkus.application.name", module);
        int port = Integer.parseInt(prod(p, "quarkus.http.port", "8080"));
        String url = prod(p, "quarkus.datasource.jdbc.url", "");
        Matcher m = JDBC.matcher(url);
        String database = m.matches() ? m.group(1) : null;
        // A service whose outbox relay is off (delivery-service: it publishes nothing) produces to no topic.
        String outbox = Boolean.parseBoolean(prod(p, "tic.outbox.relay.enabled", "true")) ? prod(p, "tic.outbox.topic", null) : null;
        Set<String> consumed = new TreeSet<>();
        Set<String> dlq = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        Set<String> channels = new TreeSet<>();
        for (String key : p.stringPropertyNames()) {
            Matcher in = INCOMING.matcher(key.startsWith("%prod.") ? key.substring(6) : key);
            if (key.startsWith("%") && !key.startsWith("%prod.") || !in.matches()) {
                continue;
            }
            String channel = in.group(1);
            String prop = in.group(2);
            String value = resolve(p.getProperty(key));
            channels.add(channel);
            if (prop.equals("group.id")) {
                groups.add(value);
            } else if (prop.equals("topic")) {
                consumed.add(value);
            } else if (prop.equals("topics")) {
                for (String t : value.split(",")) {
                    consumed.add(t.strip());
                }
            } else if (prop.equals("dead-letter-queue.topic")) {
                dlq.add(value);
            } else if (prop.equals("failure-strategy") && value.equals("dead-letter-queue")
                    && p.getProperty("mp.messaging.incoming." + channel + ".dead-letter-queue.topic") == null) {
                // SmallRye's default dead-letter topic name.
                String topic = p.getProperty("mp.messaging.incoming." + channel + ".topic", channel);
                dlq.add("dead-letter-topic-" + resolve(topic));
            }
        }
        // Channels without their own group.id use kafka.group.id, else quarkus.application.name.
        for (String channel : channels) {
            if (p.getProperty("mp.messaging.incoming." + channel + ".group.id") == null
                    && p.getProperty("%prod.mp.messaging.incoming." + channel + ".group.id") == null) {
                groups.add(prod(p, "kafka.group.id", name));
            }
        }
        Duration shutdown = parseDuration(prod(p, "quarkus.shutdown.timeout", "0s"));
        return Optional.of(new ServiceConfig(module, name, port, database, outbox, consumed, dlq, groups, shutdown));
    }

    /** Every topic the service touches. */
    public Set<String> topics() {
        Set<String> all = new TreeSet<>(consumedTopics);
        all.addAll(deadLetterTopics);
        if (outboxTopic != null) {
            all.add(outboxTopic);
        }
        return all;
    }

    private static String prod(Properties p, String key, String fallback) {
        String value = p.getProperty("%prod." + key, p.getProperty(key));
        return value == null ? fallback : resolve(value);
    }

    /** {@code ${ENV:default}} resolves to its default; anything else is taken literally. */
    private static String resolve(String value) {
        Matcher m = Pattern.compile("\\$\\{[^:}]+:([^}]*)}").matcher(value.strip());
        return m.matches() ? m.group(1) : value.strip();
    }

    static Duration parseDuration(String text) {
        String t = text.strip().toLowerCase();
        if (t.startsWith("p")) {
            return Duration.parse(t.toUpperCase());
        }
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        char unit = t.charAt(t.length() - 1);
        if (Character.isDigit(unit)) {
            return Duration.ofSeconds(Long.parseLong(t));
        }
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (unit) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            case 'd' -> Duration.ofDays(n);
            default -> throw new IllegalArgumentException("Unknown duration " + text);
        };
    }
}
