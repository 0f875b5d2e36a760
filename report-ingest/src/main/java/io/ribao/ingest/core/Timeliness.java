package io.ribao.ingest.core;

/** Whether a day's report was signed by the submission deadline. */
public enum Timeliness {
    ON_TIME, LATE
}
