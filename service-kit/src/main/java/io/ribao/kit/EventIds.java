package io.ribao.kit;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random (version 4) UUIDs for event, report and audit ids, drawn from {@link ThreadLocalRandom}. The ids must be
 * unique, not secret: no decision rests on guessing one being hard (every action on a report is authorized by its
 * unit). {@link UUID#randomUUID()} draws from one shared {@code SecureRandom}, which serialises the request threads
 * on a lock and a read of {@code /dev/urandom} three times per report (decision 408).
 */
public final class EventIds {

    private EventIds() {
    }

    public static UUID random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;          // version 4
        long least = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
        return new UUID(most, least);
    }
}
