package io.ribao.local;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import sun.misc.Signal;
import org.slf4j.LoggerFactory;

/**
 * The local stack's command: a real Kafka broker, the schema registry, PostgreSQL and the three services in one
 * process, data under {@code --data-dir}. Prints {@code ribao ready: …} when everything answers; stops cleanly on
 * Ctrl-C or SIGTERM.
 */
public final class RibaoLocal {

    private static final Logger LOG = LoggerFactory.getLogger(RibaoLocal.class);

    private RibaoLocal() {
    }

    public static void main(String[] args) throws Exception {
        LocalOptions options;
        try {
            options = LocalOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        long started = System.nanoTime();
        LocalStack stack;
        try {
            stack = LocalStack.start(options, Clock.systemDefaultZone());
        } catch (DataDirLock.InUse e) {
            System.err.println("ribao-local could not start: " + e.getMessage());
            System.exit(1);
            return;
        } catch (RuntimeException e) {
            LOG.error("ribao-local could not start", e);
            System.err.println("ribao-local could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        // Ctrl-C and SIGTERM stop the parts in order (services before PostgreSQL and the broker). A plain shutdown
        // hook would race the hooks that PostgreSQL's launcher and Jetty register for themselves.
        CountDownLatch stopRequested = new CountDownLatch(1);
        for (String signal : new String[] {"INT", "TERM"}) {
            Signal.handle(new Signal(signal), s -> stopRequested.countDown());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "ribao-local-shutdown"));

        Map<String, String> tokens = DemoTokens.besideRoster(options.roster());
        if (!tokens.isEmpty()) {
            System.out.println("demo tokens (demo roster only; Authorization: Bearer <token>):");
            tokens.forEach((user, token) -> System.out.printf("  %-22s %s%n", user, token));
        }
        System.out.printf("started in %.1f s; clerk form %s/ · command-office board %s/%n",
                (System.nanoTime() - started) / 1e9, stack.ingestUrl(), stack.bulletinUrl());
        System.out.println(stack.readyLine());
        System.out.flush();
        stopRequested.await();
        LOG.info("stopping the local stack");
        stack.close();
        System.exit(0);
    }
}
