package io.ribao.ingest.kafka;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The offsets of {@code ribao.reports} that this replica wrote and applied to its index itself, so that the
 * {@link ReportLog} passes over them without decoding them (decision 416). The producer's thread notes each
 * acknowledged write; acknowledgements of a partition come in offset order, as the log reads it, so each partition
 * is a queue that the log drains as it passes. Only a noted offset is passed over: a write the log reads before its
 * acknowledgement is noted is decoded and skipped by the index as before. A partition holds at most
 * {@code capacity} offsets — should the log stall, further writes are simply decoded when it resumes.
 */
final class OwnWrites {

    private final Map<Integer, Queue<Long>> byPartition = new ConcurrentHashMap<>();
    private final int capacity;

    OwnWrites(int capacity) {
        this.capacity = capacity;
    }

    /** An acknowledged write of this replica, already applied to the index. */
    void wrote(int partition, long offset) {
        byPartition.computeIfAbsent(partition, p -> new ArrayBlockingQueue<>(capacity)).offer(offset);
    }

    /** Whether the record the log reads at this offset is one this replica wrote; forgets it and every one before. */
    boolean passes(int partition, long offset) {
        Queue<Long> offsets = byPartition.get(partition);
        if (offsets == null) {
            return false;
        }
        for (Long next; (next = offsets.peek()) != null && next <= offset; ) {
            offsets.poll();
            if (next == offset) {
                return true;
            }
        }
        return false;
    }
}
