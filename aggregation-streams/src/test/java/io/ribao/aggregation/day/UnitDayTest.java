package io.ribao.aggregation.day;

import static io.ribao.aggregation.RosterFixtures.jurisdiction;
import static io.ribao.aggregation.RosterFixtures.report;
import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.schemas.alert.AlertState;
import io.ribao.schemas.alert.AlertType;
import io.ribao.schemas.status.UnitDayState;
import io.ribao.schemas.status.UnitDayStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class UnitDayTest {

    private static final LocalDate D = LocalDate.of(2026, 3, 2);
    private static final DaySchedule SCHEDULE = DaySchedule.of(jurisdiction().build(), D);
    private static final Map<String, Long> FIGURES = Map.of("persons_isolated", 2L);

    private static Instant at(String time) {
        return D.atTime(java.time.LocalTime.parse(time)).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    private static UnitDayStatus expected() {
        return UnitDay.expected("u", "demo-county", D, at("00:00"));
    }

    private static List<String> changes(Transition transition) {
        return transition.alerts().stream().map(a -> a.type() + "/" + a.state()).collect(Collectors.toList());
    }

    @Test
    void scheduleReadsTheDeadlinesOnTheJurisdictionsWallClock() {
        assertThat(SCHEDULE.submission()).isEqualTo(Instant.parse("2026-03-02T08:30:00Z"));
        assertThat(SCHEDULE.reminder()).isEqualTo(Instant.parse("2026-03-02T07:30:00Z"));
        assertThat(SCHEDULE.bulletin()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
        assertThat(SCHEDULE.locks()).isEqualTo(Instant.parse("2026-03-05T16:00:00Z"));
        assertThat(SCHEDULE.localTime(SCHEDULE.submission())).isEqualTo("16:30");
    }

    @Test
    void signatureExactlyAtTheDeadlineIsOnTime() {
        Transition t = UnitDay.onReport(expected(), report("u", D, 1, at("16:00"), at("16:30"), FIGURES), SCHEDULE, at("16:30"));

        assertThat(t.status().getState()).isEqualTo(UnitDayState.ON_TIME);
        assertThat(changes(t)).noneMatch(c -> c.endsWith("RAISED"));
    }

    @Test
    void signatureOneMillisecondAfterTheDeadlineIsLate() {
        Instant signedAt = at("16:30").plusMillis(1);
        Transition t = UnitDay.onReport(expected(), report("u", D, 1, signedAt, signedAt, FIGURES), SCHEDULE, signedAt);

        assertThat(t.status().getState()).isEqualTo(UnitDayState.LATE);
        assertThat(changes(t)).startsWith("LATE/RAISED");
    }

    @Test
    void draftMakesTheDayPendingSignOffWithItsFigures() {
        Transition t = UnitDay.onReport(expected(), report("u", D, 1, at("09:00"), null, FIGURES), SCHEDULE, at("09:00"));

        assertThat(t.status().getState()).isEqualTo(UnitDayState.PENDING_SIGNOFF);
        assertThat(t.status().getMetrics()).isEqualTo(FIGURES);
        assertThat(t.alerts()).isEmpty();
    }

    @Test
    void submissionDeadlineWithNothingIsMissingAndWithADraftIsUnsigned() {
        Transition nothing = UnitDay.onDeadline(expected(), Deadline.SUBMISSION, SCHEDULE, at("16:30"));
        assertThat(nothing.status().getState()).isEqualTo(UnitDayState.MISSING);
        assertThat(changes(nothing)).containsExactly("MISSING/RAISED", "DUE_SOON/RESOLVED");

        UnitDayStatus draft = UnitDay.onReport(expected(), report("u", D, 1, at("09:00"), null, FIGURES), SCHEDULE,
                at("09:00")).status();
        Transition unsigned = UnitDay.onDeadline(draft, Deadline.SUBMISSION, SCHEDULE, at("16:30"));
        assertThat(unsigned.status().getState()).isEqualTo(UnitDayState.MISSING);
        assertThat(unsigned.status().getUnsigned()).isTrue();
        assertThat(changes(unsigned)).containsExactly("UNSIGNED/RAISED", "DUE_SOON/RESOLVED");
        assertThat(unsigned.alerts().get(0).evidence()).containsEntry("revision", "1");
    }

    @Test
    void deadlinesLeaveASignedDayAlone() {
        UnitDayStatus signed = UnitDay.onReport(expected(), report("u", D, 1, at("09:00"), at("09:00"), FIGURES),
                SCHEDULE, at("09:00")).status();

        for (Deadline deadline : List.of(Deadline.REMINDER, Deadline.SUBMISSION, Deadline.BULLETIN)) {
            assertThat(UnitDay.onDeadline(signed, deadline, SCHEDULE, at("18:00"))).isEqualTo(Transition.NONE);
        }
    }

    @Test
    void reminderAndBulletinRaiseOnlyForAnUnsignedDay() {
        assertThat(changes(UnitDay.onDeadline(expected(), Deadline.REMINDER, SCHEDULE, at("15:30"))))
                .containsExactly("DUE_SOON/RAISED");
        assertThat(changes(UnitDay.onDeadline(expected(), Deadline.BULLETIN, SCHEDULE, at("18:00"))))
                .containsExactly("STILL_MISSING/RAISED");
    }

    @Test
    void lateSignatureResolvesEveryOpenEscalation() {
        UnitDayStatus missing = UnitDay.onDeadline(expected(), Deadline.SUBMISSION, SCHEDULE, at("16:30")).status();
        Transition t = UnitDay.onReport(missing, report("u", D, 1, at("19:00"), at("19:00"), FIGURES), SCHEDULE, at("19:00"));

        assertThat(t.status().getState()).isEqualTo(UnitDayState.LATE);
        assertThat(t.status().getAfterCutoff()).isTrue();
        assertThat(changes(t)).containsExactly("LATE/RAISED", "DUE_SOON/RESOLVED", "MISSING/RESOLVED",
                "UNSIGNED/RESOLVED", "STILL_MISSING/RESOLVED");
    }

    @Test
    void draftAfterAMissedDeadlineStaysMissingButShowsTheDraft() {
        UnitDayStatus missing = UnitDay.onDeadline(expected(), Deadline.SUBMISSION, SCHEDULE, at("16:30")).status();
        Transition t = UnitDay.onReport(missing, report("u", D, 1, at("17:00"), null, FIGURES), SCHEDULE, at("17:00"));

        assertThat(t.status().getState()).isEqualTo(UnitDayState.MISSING);
        assertThat(t.status().getUnsigned()).isTrue();
        assertThat(t.status().getRevision()).isEqualTo(1);
        assertThat(t.alerts()).isEmpty();
    }

    @Test
    void revisionAfterTheDeadlineKeepsLateAndIsFlaggedPerRevision() {
        UnitDayStatus late = UnitDay.onReport(expected(), report("u", D, 1, at("17:00"), at("17:00"), FIGURES),
                SCHEDULE, at("17:00")).status();
        Transition t = UnitDay.onReport(late, report("u", D, 2, at("20:00"), at("20:00"), Map.of()), SCHEDULE, at("20:00"));

        assertThat(t.status().getState()).isEqualTo(UnitDayState.LATE);
        assertThat(t.status().getRevisedAfterDeadline()).isTrue();
        assertThat(t.status().getZeroReport()).isTrue();
        assertThat(t.alerts()).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo(AlertType.REVISED_AFTER_DEADLINE);
            assertThat(a.ruleId()).isEqualTo("revision-2");
            assertThat(a.state()).isEqualTo(AlertState.RAISED);
        });
    }

    @Test
    void staleOrRepeatedRevisionsChangeNothing() {
        UnitDayStatus signed = UnitDay.onReport(expected(), report("u", D, 2, at("10:00"), at("10:00"), FIGURES),
                SCHEDULE, at("10:00")).status();

        assertThat(UnitDay.onReport(signed, report("u", D, 2, at("10:00"), at("10:00"), FIGURES), SCHEDULE, at("11:00")))
                .isEqualTo(Transition.NONE);
        assertThat(UnitDay.onReport(signed, report("u", D, 1, at("09:00"), at("09:00"), Map.of()), SCHEDULE, at("11:00")))
                .isEqualTo(Transition.NONE);
        assertThat(UnitDay.onReport(signed, report("u", D, 1, at("09:00"), null, Map.of()), SCHEDULE, at("11:00")))
                .isEqualTo(Transition.NONE);
    }

    @Test
    void unsignedNewerDraftDoesNotReplaceTheSignedFigures() {
        UnitDayStatus signed = UnitDay.onReport(expected(), report("u", D, 1, at("10:00"), at("10:00"), FIGURES),
                SCHEDULE, at("10:00")).status();
        Transition t = UnitDay.onReport(signed, report("u", D, 2, at("11:00"), null, Map.of()), SCHEDULE, at("11:00"));

        assertThat(t.status().getState()).isEqualTo(UnitDayState.ON_TIME);
        assertThat(t.status().getRevision()).isEqualTo(2);
        assertThat(t.status().getSignedRevision()).isEqualTo(1);
        assertThat(t.status().getMetrics()).isEqualTo(FIGURES);
    }

    @Test
    void lockFreezesTheDay() {
        Transition locked = UnitDay.onDeadline(expected(), Deadline.LOCK, SCHEDULE, SCHEDULE.locks());
        assertThat(locked.status().getLocked()).isTrue();

        assertThat(UnitDay.onReport(locked.status(), report("u", D, 1, at("10:00"), at("10:00"), FIGURES), SCHEDULE,
                SCHEDULE.locks())).isEqualTo(Transition.NONE);
        assertThat(UnitDay.onDeadline(locked.status(), Deadline.SUBMISSION, SCHEDULE, SCHEDULE.locks()))
                .isEqualTo(Transition.NONE);
    }
}
