package io.ribao.ingest.core;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The writes of each unit on this replica, one after another (decisions 409, 413): a unit's next write is decided only
 * when its previous one is settled and what that left in doubt has been read back, so revision numbers and idempotency
 * keys are decided on a known history. Every wait for this ends at the request's own deadline to send: when the unit's
 * turn has not come by then, the request sends nothing and is answered 503 (decision 418).
 */
final class UnitWrites {

    /** A unit held by one request; closing it lets the unit's next request in. */
    interface Turn extends AutoCloseable {
        @Override
        void close();
    }

    private final ReportJournal journal;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    /** Per unit, the write sent and not yet settled (acknowledged and indexed, or failed and read back). */
    private final Map<String, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();
    /** Units whose last write failed without knowing whether the broker wrote it. */
    private final Set<String> inDoubt = ConcurrentHashMap.newKeySet();

    UnitWrites(ReportJournal journal) {
        this.journal = journal;
    }

    /**
     * The unit to this request alone, its previous write settled and its doubt read back, all by {@code sendBy}; else
     * {@link BrokerUnavailableException} and the unit is left as it was.
     */
    Turn take(String unitId, AnswerDeadline sendBy) {
        ReentrantLock lock = locks.computeIfAbsent(unitId, u -> new ReentrantLock());
        try {
            if (!lock.tryLock(sendBy.left().toNanos(), TimeUnit.NANOSECONDS)) {
                throw new BrokerUnavailableException(new TimeoutException("unit " + unitId + " busy"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException(e);
        }
        try {
            awaitPrevious(unitId, sendBy);
            settleDoubt(unitId, sendBy);
            return lock::unlock;
        } catch (RuntimeException e) {
            lock.unlock();
            throw e;
        }
    }

    /** A write of the unit is being sent (within its turn); the unit's next turn waits until it is settled. */
    void sending(String unitId, CompletableFuture<Void> settled) {
        inFlight.put(unitId, settled);
    }

    /** The write is settled: called before {@code settled} completes, so the next turn sees any doubt it left. */
    void settled(String unitId, CompletableFuture<Void> settled, boolean leftInDoubt) {
        if (leftInDoubt) {
            inDoubt.add(unitId);
        }
        inFlight.remove(unitId, settled);
    }

    private void awaitPrevious(String unitId, AnswerDeadline sendBy) {
        CompletableFuture<Void> previous = inFlight.get(unitId);
        if (previous == null) {
            return;
        }
        try {
            previous.get(sendBy.left().toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException failed) {
            // answered to its own caller; what it leaves in doubt is settled next
        } catch (TimeoutException e) {
            throw new BrokerUnavailableException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException(e);
        }
    }

    /** Reads the journal back before deciding anything for a unit whose last write's outcome is unknown. */
    private void settleDoubt(String unitId, AnswerDeadline sendBy) {
        if (inDoubt.contains(unitId)) {
            // a failed catch-up throws and leaves the unit in doubt: the next turn reads back again, in its own time
            journal.catchUp(sendBy.left());
            inDoubt.remove(unitId);
        }
    }
}
