package io.ribao.bulletin.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.ribao.bulletin.BulletinApplication;
import io.ribao.bulletin.BulletinConfiguration;
import io.ribao.bulletin.Fixtures;
import io.ribao.bulletin.TestClock;
import io.ribao.bulletin.TestKafka;
import io.ribao.bulletin.db.TestDatabase;
import io.ribao.schemas.alert.AlertState;
import io.ribao.schemas.alert.AlertType;
import io.ribao.schemas.day.DayClosed;
import io.ribao.schemas.roster.UnitKind;
import io.ribao.schemas.status.UnitDayState;
import io.ribao.topics.Keys;
import io.ribao.topics.Topics;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.GenericType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The service as deployed: topics → projection → delivery and bulletin drafting, with the real wiring of run(). */
@ExtendWith(DropwizardExtensionsSupport.class)
class ServiceWiringTest {

    private static final TestDatabase DB = TestDatabase.fresh();
    private static final TestClock CLOCK = new TestClock(Fixtures.DEADLINE);
    private static final String UNIT = "cp-wiring-" + UUID.randomUUID().toString().substring(0, 8);
    private static final Topics TOPICS = TestKafka.topics();

    static {
        TestKafka.send(TOPICS.jurisdictions(), Fixtures.COUNTY, Fixtures.jurisdiction());
        Fixtures.units().forEach(u -> TestKafka.send(TOPICS.units(), u.getId(), u));
        Fixtures.users().forEach(u -> TestKafka.send(TOPICS.users(), u.getId(), u));
        TestKafka.send(TOPICS.units(), UNIT, Fixtures.unit(UNIT, "联检卡点", UnitKind.CHECKPOINT, "twn-tianbao",
                "u-port-sj", List.of()));
    }

    static final DropwizardAppExtension<BulletinConfiguration> APP = new DropwizardAppExtension<>(
            new DropwizardTestSupport<>(BulletinApplication.class, ResourceHelpers.resourceFilePath("service-test.yml"),
                    ConfigOverride.config("database.url", DB::jdbcUrl),
                    ConfigOverride.config("migrateOnStartup", "true"),
                    ConfigOverride.config("projectionEnabled", "true"),
                    // enabled as deployed, but its timer's first pass is an hour away: the tests call dispatchDue()
                    ConfigOverride.config("dispatcherEnabled", "true"),
                    ConfigOverride.config("delivery.pollInterval", "1h"),
                    ConfigOverride.config("kafka.consumerName", "wiring-" + UNIT),
                    ConfigOverride.config("kafka.bootstrapServers", TestKafka::bootstrapServers),
                    ConfigOverride.config("schemaRegistryUrl", TestKafka.REGISTRY_URL)) {
                @Override
                public io.dropwizard.core.Application<BulletinConfiguration> newApplication() {
                    return new BulletinApplication(CLOCK);
                }
            });

    private static long count(String sql, Object arg) {
        return DB.jdbi().withHandle(h -> h.createQuery(sql).bind(0, arg).mapTo(Long.class).one());
    }

    @Test
    void aRaisedAlertReachesThePrincipalsInboxThroughTheProjectionAndTheDispatcher() {
        // a day of its own, so alerts other tests left on the shared broker do not join this digest
        LocalDate day = Fixtures.DAY.plusDays(30);
        var raised = Fixtures.alert(AlertType.MISSING, UNIT, AlertState.RAISED, CLOCK.instant(), List.of());
        var alert = io.ribao.schemas.alert.AlertEvent.newBuilder(raised).setDate(day)
                .setAlertId("MISSING:" + UNIT + ":" + day + ":missing").build();
        TestKafka.send(TOPICS.alerts(), alert.getAlertId(), alert);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                count("SELECT count(*) FROM alert_notices WHERE alert_id = ?", alert.getAlertId()) == 1);

        CLOCK.advance(Duration.ofSeconds(10));
        ((BulletinApplication) APP.getApplication()).dispatcher().dispatchDue();

        List<Map<String, Object>> inbox = APP.client().target("http://localhost:" + APP.getLocalPort()
                        + "/api/v1/inbox").request()
                .header("Authorization", "Bearer " + Fixtures.tokenOf("u-port-sj"))
                .get(new GenericType<List<Map<String, Object>>>() { });
        List<Map<String, Object>> ofTheDay = inbox.stream()
                .filter(m -> m.get("title").toString().startsWith(day.toString())).toList();
        assertThat(ofTheDay).singleElement().satisfies(m -> {
            assertThat(m.get("title").toString()).contains("1 条预警");
            assertThat(m.get("body").toString()).contains("联检卡点");
        });
        Map<String, Object> read = APP.client().target("http://localhost:" + APP.getLocalPort()
                        + "/api/v1/inbox/" + ofTheDay.get(0).get("id") + "/read").request()
                .header("Authorization", "Bearer " + Fixtures.tokenOf("u-port-sj"))
                .post(Entity.json(""), new GenericType<Map<String, Object>>() { });
        assertThat(read).containsEntry("read", true);
    }

    @Test
    void theEnabledDispatcherHasAHealthCheck() {
        var health = APP.getEnvironment().healthChecks();

        assertThat(health.getNames()).contains("dispatcher");
        assertThat(health.runHealthCheck("dispatcher").isHealthy()).isTrue();
    }

    @Test
    void aClosedDayIsDraftedIntoABulletinOnceEveryPartHasArrived() {
        LocalDate day = Fixtures.DAY.plusDays(20);
        DayClosed part = DayClosed.newBuilder().setJurisdictionId(Fixtures.COUNTY).setDate(day)
                .setClosedAt(CLOCK.instant()).setPartition(0).setPartitions(2)
                .setUnits(List.of(io.ribao.schemas.status.UnitDayStatus.newBuilder(
                        Fixtures.status("twn-tianbao", UnitDayState.ON_TIME, CLOCK.instant())).setDate(day).build()))
                .build();
        TestKafka.send(TOPICS.dayClosed(), Keys.ofDay(Fixtures.COUNTY, day), part);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                count("SELECT count(*) FROM day_closed WHERE day = cast(? AS date)", day.toString()) == 1);
        long draftsAfterOnePart = count("SELECT count(*) FROM bulletins WHERE day = cast(? AS date)", day.toString());

        TestKafka.send(TOPICS.dayClosed(), Keys.ofDay(Fixtures.COUNTY, day),
                DayClosed.newBuilder(part).setPartition(1).setUnits(List.of()).build());

        await().atMost(Duration.ofSeconds(30)).until(() ->
                count("SELECT count(*) FROM bulletins WHERE day = cast(? AS date)", day.toString()) == 1);
        assertThat(draftsAfterOnePart).isZero();
    }
}
