package io.ribao.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ribao.broker.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One local stack per data directory (decision 447). */
class DataDirLockTest {

    @TempDir
    Path dir;

    private ChildJvm child;

    @AfterEach
    void stopChild() {
        if (child != null && child.isAlive()) {
            child.kill();
        }
    }

    @Test
    void aSecondLockOnTheSameDirectoryIsRefusedAtOnceUntilTheFirstIsReleased() throws Exception {
        Path data = dir.resolve("data");
        DataDirLock first = DataDirLock.acquire(data);

        assertThatThrownBy(() -> DataDirLock.acquire(data))
                .isInstanceOf(DataDirLock.InUse.class)
                .hasMessageContaining("数据目录 " + data + " 正由另一个 ribao-local")
                .hasMessageContaining("The data directory " + data + " is in use by another ribao-local");
        first.close();

        DataDirLock.acquire(data).close();
        assertThat(data.resolve(DataDirLock.FILE_NAME)).isRegularFile();
    }

    @Test
    void anotherProcessHoldingTheLockIsNamedAndItsDeathFreesTheDirectory() throws IOException {
        Path data = dir.resolve("data");
        child = ChildJvm.start(HoldsDataDirLock.class, List.of("-Xmx64m", "-XX:TieredStopAtLevel=1"),
                List.of(data.toString()), dir.resolve("child.log"), HoldsDataDirLock.READY)
                .awaitReady(Duration.ofSeconds(60));
        long owner = childPid(data);
        assertThat(owner).isNotEqualTo(ProcessHandle.current().pid());

        assertThatThrownBy(() -> DataDirLock.acquire(data))
                .isInstanceOf(DataDirLock.InUse.class)
                .hasMessageContaining("（进程 " + owner + "）")
                .hasMessageContaining("is in use by another ribao-local (process " + owner + ")");

        child.kill(); // a crash: the OS drops the lock with the process
        try (DataDirLock lock = DataDirLock.acquire(data)) {
            assertThat(childPid(data)).isEqualTo(ProcessHandle.current().pid());
        }
    }

    private static long childPid(Path data) throws IOException {
        return Long.parseLong(Files.readString(data.resolve(DataDirLock.FILE_NAME)).trim());
    }
}
