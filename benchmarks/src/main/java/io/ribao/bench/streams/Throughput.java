package io.ribao.bench.streams;

/**
 * One run: records/s from the first committed progress to the end (steady, without group join and restore), and
 * from the start call to the end (what an operator waits); the stream threads' CPU per record in the steady part;
 * {@code deadLetters} the app wrote meanwhile (a run that dead-letters its input measures nothing useful).
 */
public record Throughput(long records, double steadyPerSecond, double overallPerSecond,
                         double streamThreadMicrosPerRecord, long deadLetters) {
}
