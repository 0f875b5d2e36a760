package io.ribao.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** A clock tests set and move; shared by the application under test and the test itself. */
public final class MutableClock extends Clock {

    private volatile Instant now;

    public MutableClock(Instant now) {
        this.now = now;
    }

    /** A wall-clock time in Shanghai, the demo county's zone. */
    public static MutableClock atShanghai(String localDateTime) {
        return new MutableClock(ZonedDateTime.parse(localDateTime + "+08:00[Asia/Shanghai]").toInstant());
    }

    public void set(Instant instant) {
        now = instant;
    }

    public void setShanghai(String localDateTime) {
        now = ZonedDateTime.parse(localDateTime + "+08:00[Asia/Shanghai]").toInstant();
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
