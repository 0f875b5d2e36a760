package io.ribao.bench.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a consumer group has committed through some topics. Under exactly_once_v2 a Streams app commits its input
 * offsets in the same transaction as its output, so "committed = end offset" means the output is committed too.
 */
public final class CommittedProgress implements AutoCloseable {

    private final Admin admin;

    public CommittedProgress(String bootstrapServers) {
        admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** The sum of the end offsets of every partition of the topics. */
    public long endOffsets(Collection<String> topics) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> request = partitions(topics).stream()
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(request).all().get();
        return ends.values().stream().mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
    }

    /** The sum of the group's committed offsets on the topics' partitions (0 where nothing is committed yet). */
    public long committed(String groupId, Collection<String> topics) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get();
        return offsets.entrySet().stream()
                .filter(e -> topics.contains(e.getKey().topic()) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset())
                .sum();
    }

    /**
     * How many records of the topics the group has not committed yet: the input topics and the group's own
     * repartition topics ({@code <groupId>-…-repartition}), so a multi-stage topology counts as done only when its
     * last stage has committed.
     */
    public long lag(String groupId, Collection<String> inputTopics) throws ExecutionException, InterruptedException {
        List<String> topics = new ArrayList<>(inputTopics);
        admin.listTopics().names().get().stream()
                .filter(name -> name.startsWith(groupId + "-") && name.endsWith("-repartition"))
                .forEach(topics::add);
        Map<TopicPartition, OffsetSpec> request = partitions(topics).stream()
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(request).all().get();
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get();
        long lag = 0;
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : ends.entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            lag += Math.max(0, end.getValue().offset() - (done == null ? 0 : done.offset()));
        }
        return lag;
    }

    private List<TopicPartition> partitions(Collection<String> topics) throws ExecutionException, InterruptedException {
        return admin.describeTopics(topics).allTopicNames().get().values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .toList();
    }

    @Override
    public void close() {
        admin.close();
    }
}
