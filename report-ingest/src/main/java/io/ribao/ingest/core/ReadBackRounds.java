package io.ribao.ingest.core;

import io.ribao.schemas.report.ReportEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Failed writes, read back together (decisions 409, 413): one read-back of the journal to its end settles every
 * write that failed before it began, on one thread of its own. With the broker down every write fails; a read-back per
 * failure would start a thread per request, and one round at a time keeps that to one thread and one read-back per
 * second or so, whatever the request rate.
 */
final class ReadBackRounds {

    /** A failed write: {@code settle} is given null when the event landed after all, else the failure to answer. */
    record FailedWrite(ReportEvent event, RuntimeException failure, Consumer<RuntimeException> settle) {
    }

    private final ReportJournal journal;
    private final ReportIndex index;
    private final ConcurrentLinkedQueue<FailedWrite> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean reading = new AtomicBoolean();

    ReadBackRounds(ReportJournal journal, ReportIndex index) {
        this.journal = journal;
        this.index = index;
    }

    void add(FailedWrite failed) {
        pending.add(failed);
        startUnlessReading();
    }

    private void startUnlessReading() {
        if (reading.compareAndSet(false, true)) {
            Thread reader = new Thread(this::readRounds, "report-read-back");
            reader.setDaemon(true);
            reader.start();
        }
    }

    private void readRounds() {
        try {
            List<FailedWrite> round = takePending();
            while (!round.isEmpty()) {
                boolean read = readBack();
                for (FailedWrite failed : round) {
                    boolean landed = read && index.contains(failed.event());
                    failed.settle().accept(landed ? null : failed.failure());
                }
                round = takePending();
            }
        } finally {
            reading.set(false);
            if (!pending.isEmpty()) {
                startUnlessReading();   // added after the last look and before the flag was cleared
            }
        }
    }

    private List<FailedWrite> takePending() {
        List<FailedWrite> round = new ArrayList<>();
        for (FailedWrite failed = pending.poll(); failed != null; failed = pending.poll()) {
            round.add(failed);
        }
        return round;
    }

    private boolean readBack() {
        try {
            return journal.readBack();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
