package io.ribao.local;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** Run in a child JVM by {@link DataDirLockTest}: takes the data directory's lock, says so, and holds it until killed. */
public final class HoldsDataDirLock {

    public static final String READY = "data directory locked";

    private HoldsDataDirLock() {
    }

    public static void main(String[] args) throws Exception {
        DataDirLock lock = DataDirLock.acquire(Path.of(args[0]));
        System.out.println(READY);
        System.out.flush();
        new CountDownLatch(1).await();
        lock.close();
    }
}
