package io.ribao.bench.streams;

/**
 * One run: records/s from the first committed progress to the end (steady, without group join and restore), and
 * from the start call to the end (what an operator waits).
 */
public record Throughput(long records, double steadyPerSecond, double overallPerSecond, long deadLetters) {
}
