package io.ribao.bulletin.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.bulletin.Fixtures;
import io.ribao.schemas.alert.AlertState;
import io.ribao.schemas.alert.AlertType;
import io.ribao.schemas.day.DayClosed;
import io.ribao.schemas.roster.Unit;
import io.ribao.schemas.status.UnitDayState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReadModelDaoTest {

    private static Jdbi jdbi;

    @BeforeAll
    static void database() {
        jdbi = TestDatabase.fresh().jdbi();
    }

    @Test
    void applyingTheSameRosterAndStatusTwiceLeavesTheSameRows() {
        Instant t = Fixtures.DEADLINE;
        for (int i = 0; i < 2; i++) {
            jdbi.useExtension(ReadModelDao.class, dao -> {
                dao.upsertJurisdiction(ReadModelRows.JurisdictionRow.of(Fixtures.jurisdiction()));
                Fixtures.units().forEach(u -> dao.upsertUnit(ReadModelRows.UnitRow.of(u)));
                Fixtures.users().forEach(u -> dao.upsertUser(ReadModelRows.UserRow.of(u)));
                dao.upsertStatus(ReadModelRows.StatusRow.of(
                        Fixtures.status("twn-tianbao", UnitDayState.ON_TIME, t)));
            });
        }

        Map<String, Object> status = jdbi.withHandle(h -> h.createQuery(
                "SELECT state, metrics::text AS metrics, signed_at FROM unit_day_status").mapToMap().one());
        assertThat(status.get("state")).isEqualTo("ON_TIME");
        assertThat(status.get("metrics")).isEqualTo("{\"persons_registered\": 12}");
        assertThat(count("units")).isEqualTo(4);
        List<String> supervisors = jdbi.withHandle(h -> h.createQuery(
                "SELECT unnest(supervisor_ids) FROM units WHERE unit_id = 'twn-tianbao'").mapTo(String.class).list());
        assertThat(supervisors).containsExactly("u-dc-07");
    }

    @Test
    void theBoardListsAUnitSuspendedFromADayOnTheDaysBeforeItOnly() {
        Unit port = Fixtures.units().get(2);
        jdbi.useExtension(ReadModelDao.class, dao -> {
            Fixtures.units().forEach(u -> dao.upsertUnit(ReadModelRows.UnitRow.of(u)));
            dao.upsertUnit(ReadModelRows.UnitRow.of(Unit.newBuilder(port).setSuspended(true)
                    .setSuspendedFrom(Fixtures.DAY.plusDays(1)).build()));
        });

        assertThat(boardOn(Fixtures.DAY)).contains(port.getId());
        assertThat(boardOn(Fixtures.DAY.plusDays(1))).doesNotContain(port.getId()).contains("twn-tianbao");

        jdbi.useExtension(ReadModelDao.class, dao -> dao.upsertUnit(ReadModelRows.UnitRow.of(
                Unit.newBuilder(port).setSuspended(true).build())));
        assertThat(boardOn(Fixtures.DAY)).as("suspended without a date: every day").doesNotContain(port.getId());
        jdbi.useExtension(ReadModelDao.class, dao -> dao.upsertUnit(ReadModelRows.UnitRow.of(port)));
    }

    private static List<String> boardOn(java.time.LocalDate day) {
        List<BoardDao.UnitDay> units = jdbi.withExtension(BoardDao.class, dao -> dao.unitsOn(day));
        return units.stream().map(BoardDao.UnitDay::unitId).toList();
    }

    @Test
    void anOlderStatusNeverOverwritesANewerOne() {
        jdbi.useExtension(ReadModelDao.class, dao -> {
            dao.upsertStatus(ReadModelRows.StatusRow.of(
                    Fixtures.status("dep-health", UnitDayState.LATE, Fixtures.DEADLINE.plusSeconds(60))));
            dao.upsertStatus(ReadModelRows.StatusRow.of(
                    Fixtures.status("dep-health", UnitDayState.MISSING, Fixtures.DEADLINE)));
        });

        String state = jdbi.withHandle(h -> h.createQuery(
                "SELECT state FROM unit_day_status WHERE unit_id = 'dep-health'").mapTo(String.class).one());
        assertThat(state).isEqualTo("LATE");
    }

    @Test
    void aResolvedAlertKeepsWhenItWasRaisedAndItsAcknowledgement() {
        var raised = Fixtures.alert(AlertType.MISSING, "cp-tianbao-port", AlertState.RAISED, Fixtures.DEADLINE,
                List.of("u-port-sj"));
        var resolved = Fixtures.alert(AlertType.MISSING, "cp-tianbao-port", AlertState.RESOLVED,
                Fixtures.DEADLINE.plusSeconds(900), List.of("u-port-sj"));
        jdbi.useExtension(ReadModelDao.class, dao -> dao.raiseAlert(ReadModelRows.AlertRow.of(raised)));
        jdbi.useHandle(h -> h.execute("UPDATE alerts SET acknowledged_by = 'u-dc-07', acknowledged_at = now()"));

        jdbi.useExtension(ReadModelDao.class, dao -> {
            dao.raiseAlert(ReadModelRows.AlertRow.of(raised));
            dao.resolveAlert(ReadModelRows.AlertRow.of(resolved));
            dao.resolveAlert(ReadModelRows.AlertRow.of(resolved));
        });

        Map<String, Object> row = jdbi.withHandle(h -> h.createQuery(
                "SELECT raised_at, resolved_at, acknowledged_by FROM alerts WHERE unit_id = 'cp-tianbao-port'")
                .mapToMap().one());
        assertThat(((java.sql.Timestamp) row.get("raised_at")).toInstant()).isEqualTo(Fixtures.DEADLINE);
        assertThat(((java.sql.Timestamp) row.get("resolved_at")).toInstant())
                .isEqualTo(Fixtures.DEADLINE.plusSeconds(900));
        assertThat(row.get("acknowledged_by")).isEqualTo("u-dc-07");
    }

    @Test
    void dayClosedPartsMergeByUnitAndRecordWhichPartsArrived() {
        DayClosed part0 = DayClosed.newBuilder().setJurisdictionId(Fixtures.COUNTY).setDate(Fixtures.DAY)
                .setClosedAt(Fixtures.DEADLINE).setPartition(0).setPartitions(2)
                .setUnits(List.of(Fixtures.status("twn-tianbao", UnitDayState.ON_TIME, Fixtures.DEADLINE))).build();
        DayClosed part1 = DayClosed.newBuilder(part0).setPartition(1)
                .setUnits(List.of(Fixtures.status("dep-health", UnitDayState.MISSING, Fixtures.DEADLINE))).build();

        jdbi.useExtension(ReadModelDao.class, dao -> {
            dao.mergeDayClosed(ReadModelRows.DayClosedRow.of(part0));
            dao.mergeDayClosed(ReadModelRows.DayClosedRow.of(part1));
            dao.mergeDayClosed(ReadModelRows.DayClosedRow.of(part0));
        });

        Map<String, Object> row = jdbi.withHandle(h -> h.createQuery("""
                SELECT jsonb_array_length(units) AS n, array_to_string(parts_received, ',') AS received
                FROM day_closed""").mapToMap().one());
        assertThat(row.get("n")).isEqualTo(2);
        assertThat(row.get("received")).isEqualTo("0,1");
    }

    @Test
    void aFormPublishedAgainReplacesItsMetricsKeepingTheirOrderAndARemovedFormTakesThemAlong() {
        var first = Fixtures.form("patrol-daily", "巡逻日报", "patrols_run", "巡逻次数", "patrol_staff", "参与巡逻人次",
                "crossings_stopped", "制止非法出入境人数");
        var reloaded = Fixtures.form("patrol-daily", "巡逻日报", "patrol_staff", "参与巡逻人数", "patrols_run", "巡逻次数");
        var other = Fixtures.form("supervision-daily", "督查日报", "inspections", "督查点位数");

        jdbi.useExtension(ReadModelDao.class, dao -> {
            dao.replaceForm(first.getId(), ReadModelRows.FormMetricRow.of(first));
            dao.replaceForm(other.getId(), ReadModelRows.FormMetricRow.of(other));
            dao.replaceForm(reloaded.getId(), ReadModelRows.FormMetricRow.of(reloaded));
            dao.replaceForm(reloaded.getId(), ReadModelRows.FormMetricRow.of(reloaded));
        });

        assertThat(formMetrics()).containsExactly("patrol-daily 0 patrol_staff 参与巡逻人数",
                "patrol-daily 1 patrols_run 巡逻次数", "supervision-daily 0 inspections 督查点位数");
        jdbi.useExtension(ReadModelDao.class, dao -> dao.deleteForm("patrol-daily"));
        assertThat(formMetrics()).containsExactly("supervision-daily 0 inspections 督查点位数");
    }

    private List<String> formMetrics() {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT form_id || ' ' || position || ' ' || code || ' ' || name FROM form_metrics
                ORDER BY form_id, position""").mapTo(String.class).list());
    }

    private long count(String table) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
    }
}
