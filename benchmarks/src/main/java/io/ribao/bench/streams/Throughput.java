package io.ribao.bench.streams;

import java.util.List;

/**
 * One run: records/s from the first committed progress to the end (steady, without group join and restore), and
 * from the start call to the end (what an operator waits); the stream threads' CPU per record in the steady part;
 * {@code deadLetters} the app wrote meanwhile (a run that dead-letters its input measures nothing useful);
 * {@code tailMillis} from the input's last offset committed to the end (the app's later stages — the roll-up tasks
 * behind their repartition topic — committing what the last input records sent them) and {@code fifths}, thousands
 * of input records per second over each fifth of the steady window ({@link ProgressByFifths}; both since the twentieth
 * session).
 */
public record Throughput(long records, double steadyPerSecond, double overallPerSecond,
                         double streamThreadMicrosPerRecord, long deadLetters, long tailMillis, List<Long> fifths) {

    public Throughput withDeadLetters(long count) {
        return new Throughput(records, steadyPerSecond, overallPerSecond, streamThreadMicrosPerRecord, count,
                tailMillis, fifths);
    }
}
