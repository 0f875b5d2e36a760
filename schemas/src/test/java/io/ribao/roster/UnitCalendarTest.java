package io.ribao.roster;

import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.schemas.roster.Unit;
import io.ribao.schemas.roster.UnitKind;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class UnitCalendarTest {

    private static final LocalDate D = LocalDate.parse("2026-03-14");
    private final Unit unit = Unit.newBuilder().setId("chk-1").setJurisdictionId("county").setName("卡点")
            .setKind(UnitKind.CHECKPOINT).setActiveFrom(D.minusDays(10)).setActiveTo(D.plusDays(10)).build();

    @Test
    void activeFromActiveFromToActiveToBothIncluded() {
        assertThat(UnitCalendar.activeOn(unit, D.minusDays(10))).isTrue();
        assertThat(UnitCalendar.activeOn(unit, D.plusDays(10))).isTrue();
        assertThat(UnitCalendar.activeOn(unit, D.minusDays(11))).isFalse();
        assertThat(UnitCalendar.activeOn(unit, D.plusDays(11))).isFalse();
        assertThat(UnitCalendar.activeOn(null, D)).isFalse();
    }

    @Test
    void aDatedSuspensionLeavesTheDaysBeforeItActive() {
        Unit suspended = Unit.newBuilder(unit).setSuspended(true).setSuspendedFrom(D).build();

        assertThat(UnitCalendar.activeOn(suspended, D.minusDays(1))).isTrue();
        assertThat(UnitCalendar.activeOn(suspended, D)).isFalse();
        assertThat(UnitCalendar.activeOn(suspended, D.plusDays(1))).isFalse();
    }

    @Test
    void anUndatedSuspensionCoversEveryDay() {
        Unit suspended = Unit.newBuilder(unit).setSuspended(true).build();

        assertThat(UnitCalendar.activeOn(suspended, D.minusDays(5))).isFalse();
        assertThat(UnitCalendar.suspendedOn(suspended, D.minusDays(5))).isTrue();
    }

    @Test
    void aDateWithoutTheFlagSuspendsNothing() {
        Unit resumed = Unit.newBuilder(unit).setSuspended(false).setSuspendedFrom(D).build();

        assertThat(UnitCalendar.activeOn(resumed, D.plusDays(1))).isTrue();
    }
}
