package org.tic.reliability;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** The services' consumer groups as the broker sees them: whether they are complete, and what to print when not. */
final class ConsumerGroups {

    static final List<String> TOPICS = List.of("membership.events", "project.events", "kpi.events");
    /** Consumer groups and the members each replica adds to them (kpi-service: one consumer per consumed topic). */
    static final Map<String, Integer> GROUPS = new TreeMap<>(Map.of("project-service", 1, "kpi-service", 2));

    private ConsumerGroups() {
    }

    static Map<String, Integer> partitions(Admin admin) throws Exception {
        Map<String, Integer> out = new TreeMap<>();
        for (Map.Entry<String, TopicDescription> e : admin.describeTopics(TOPICS).allTopicNames().get(30, TimeUnit.SECONDS).entrySet()) {
            out.put(e.getKey(), e.getValue().partitions().size());
        }
        return out;
    }

    /**
     * Whether each group has exactly the members {@code replicas} replicas bring, stable, and every partition of
     * the topics it consumes assigned to exactly one of them.
     */
    static boolean complete(Admin admin, int replicas) throws Exception {
        Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(GROUPS.keySet()).all().get(10, TimeUnit.SECONDS);
        Map<String, Integer> partitions = partitions(admin);
        for (Map.Entry<String, Integer> g : GROUPS.entrySet()) {
            ConsumerGroupDescription d = groups.get(g.getKey());
            if (d.members().size() != g.getValue() * replicas || d.groupState() != GroupState.STABLE) {
                return false;
            }
            Set<TopicPartition> assigned = new HashSet<>();
            int count = 0;
            for (MemberDescription m : d.members()) {
                assigned.addAll(m.assignment().topicPartitions());
                count += m.assignment().topicPartitions().size();
            }
            Set<String> topics = assigned.stream().map(TopicPartition::topic).collect(Collectors.toSet());
            int expected = topics.stream().mapToInt(partitions::get).sum();
            if (count != assigned.size() || assigned.size() != expected || topics.size() != g.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** Per group: its members and how many partitions of each topic each holds. */
    static Map<String, String> assignment(Admin admin) throws Exception {
        Map<String, String> out = new TreeMap<>();
        Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(GROUPS.keySet()).all().get(10, TimeUnit.SECONDS);
        groups.forEach((name, d) -> {
            Map<String, List<Integer>> byTopic = new TreeMap<>();
            for (MemberDescription m : d.members()) {
                Map<String, Long> mine = m.assignment().topicPartitions().stream()
                        .collect(Collectors.groupingBy(TopicPartition::topic, Collectors.counting()));
                mine.forEach((topic, n) -> byTopic.computeIfAbsent(topic, k -> new ArrayList<>()).add(n.intValue()));
            }
            out.put(name, d.groupState() + ", " + d.members().size() + " members: " + byTopic.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue().stream().sorted().map(String::valueOf).collect(Collectors.joining("+")))
                    .collect(Collectors.joining(", ")));
        });
        return out;
    }

    /** What the broker says of the groups, or why it could not say it: for a failure message. */
    static String describe(Admin admin) {
        try {
            return assignment(admin) + "; partitions " + partitions(admin);
        } catch (Exception e) {
            return "the broker did not describe the groups: " + e;
        }
    }
}
