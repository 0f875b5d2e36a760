package io.ribao.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Creates the catalogue's topics that do not exist yet (the local stack and tests; a cluster provisions its own). */
public final class TopicAdmin {

    private TopicAdmin() {
    }

    public static void createMissing(String bootstrapServers, List<TopicSpec> specs, int partitions, short replication) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (TopicSpec spec : specs) {
                if (!existing.contains(spec.name())) {
                    int count = spec.name().equals(Topics.SCHEMAS) ? 1 : partitions;
                    missing.add(new NewTopic(spec.name(), count, replication).configs(Map.of(
                            TopicConfig.CLEANUP_POLICY_CONFIG,
                            spec.compacted() ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE,
                            TopicConfig.RETENTION_MS_CONFIG, spec.compacted() ? "-1" : String.valueOf(400L * 24 * 3600 * 1000),
                            TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(16 * 1024 * 1024))));
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
                awaitLeaders(admin, missing.stream().map(NewTopic::name).toList());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create topics: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Waits until every partition of the new topics has a leader. A producer that writes to a topic whose leaders
     * are still being elected gets NOT_LEADER_OR_FOLLOWER, and an idempotent producer can then fall into an endless
     * OUT_OF_ORDER_SEQUENCE_NUMBER retry loop (seen under load with Kafka 4.1 clients; cf. KAFKA-12152).
     */
    private static void awaitLeaders(Admin admin, List<String> names) throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + LEADER_ELECTION_TIMEOUT.toNanos();
        while (true) {
            if (allLed(admin, names)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("partitions of " + names + " have no leader after "
                        + LEADER_ELECTION_TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(20);
        }
    }

    /** False also while the broker's metadata does not show a just-created topic yet. */
    private static boolean allLed(Admin admin, List<String> names) throws InterruptedException, ExecutionException {
        try {
            return admin.describeTopics(names).allTopicNames().get().values().stream()
                    .flatMap(description -> description.partitions().stream())
                    .allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw e;
        }
    }

    private static final Duration LEADER_ELECTION_TIMEOUT = Duration.ofSeconds(30);
}
