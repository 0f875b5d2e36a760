package io.ribao.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Checks a condition at a fixed interval until it holds, with a bound; a benchmark's way to wait for Kafka. */
public final class Poll {

    /** A check that may throw (Kafka admin calls do). */
    @FunctionalInterface
    public interface Check {
        boolean holds() throws Exception;
    }

    private Poll() {
    }

    public static void until(Check check, Duration interval, Duration timeout, String what)
            throws InterruptedException {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            timer.scheduleWithFixedDelay(() -> {
                try {
                    if (check.holds()) {
                        done.complete(null);
                    }
                } catch (Exception e) {
                    done.completeExceptionally(e);
                }
            }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("gave up after " + timeout + " waiting for " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("failed while waiting for " + what, e.getCause());
        } finally {
            timer.shutdownNow();
        }
    }
}
