package io.ribao.bench.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Resident memory of a process and all its descendants (the local stack's PostgreSQL runs as child processes). */
public final class ProcessMemory {

    private ProcessMemory() {
    }

    /** The summed VmRSS of the process tree in bytes, read from /proc (Linux). */
    public static long residentBytes(ProcessHandle root) {
        return Stream.concat(Stream.of(root), root.descendants())
                .mapToLong(p -> vmRssKilobytes(p.pid()) * 1024)
                .sum();
    }

    private static long vmRssKilobytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return 0;
        } catch (IOException e) {
            // the process ended between listing and reading: it holds no memory any more
            return 0;
        }
    }
}
