package io.ribao.aggregation;

import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.KafkaStreams;

/**
 * How long {@link AggregationApp#main} runs and how it ends: a shutdown request ends it normally (0); the Streams
 * client reaching ERROR ends it with 1, so an orchestrator restarts the process instead of leaving a dead client
 * that still looks alive. Whichever comes first decides.
 */
final class Lifetime implements KafkaStreams.StateListener {

    static final int STOPPED = 0;
    static final int FAILED = 1;

    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile int exitCode = STOPPED;

    /** Called on a Streams thread: only records the outcome (closing the client from here would deadlock). */
    @Override
    public void onChange(KafkaStreams.State newState, KafkaStreams.State oldState) {
        if (newState == KafkaStreams.State.ERROR) {
            end(FAILED);
        }
    }

    void shutdownRequested() {
        end(STOPPED);
    }

    private synchronized void end(int code) {
        if (ended.getCount() > 0) {
            exitCode = code;
            ended.countDown();
        }
    }

    /** Blocks until the app stops or fails; the process exit code. */
    int awaitExitCode() throws InterruptedException {
        ended.await();
        return exitCode;
    }

    boolean hasEnded() {
        return ended.getCount() == 0;
    }
}
