package io.ribao.ingest.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.ribao.broker.EmbeddedKafkaCluster;
import io.ribao.ingest.DemoRoster;
import io.ribao.ingest.IngestTestApp;
import io.ribao.ingest.TopicReader;
import io.ribao.ingest.core.BrokerUnavailableException;
import io.ribao.ingest.kafka.OneTransaction;
import io.ribao.kit.roster.RosterView;
import io.ribao.registry.SchemaRegistries;
import io.ribao.schemas.audit.AuditEvent;
import io.ribao.schemas.roster.Form;
import io.ribao.schemas.roster.Jurisdiction;
import io.ribao.topics.Topics;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A roster publish against a real broker: one transaction, all of it in force or none; bounded by its budget. */
class RosterPublisherTest {

    private static final Duration BUDGET = Duration.ofSeconds(5);
    /** Long enough for a start held while another publish runs whole (15% of it may go to the start). */
    private static final Duration SLOW_BUDGET = Duration.ofSeconds(30);

    private final Clock clock = Clock.systemUTC();
    private EmbeddedKafkaCluster kafka;
    private Topics topics;
    private RosterView view;
    private RosterPublisher publisher;

    @BeforeEach
    void publishTheDemoRoster() {
        kafka = IngestTestApp.startKafka("roster-publisher", 1);
        topics = new Topics(SchemaRegistries.forUrl("mem://roster-publisher-" + System.nanoTime()));
        view = RosterView.start(kafka.bootstrapServers(), topics);
        publisher = new RosterPublisher(kafka.bootstrapServers(), topics, view, clock);
        assertThat(publisher.publish(DemoRoster.roster(), BUDGET).inForceHere()).isTrue();
    }

    @AfterEach
    void stop() throws Exception {
        view.close();
        kafka.close();
    }

    @Test
    void aPublishThatFailsPartWayLeavesNothingOfItInForce() throws Exception {
        // the forms go first and are acknowledged; then the broker refuses every user record
        refuseRecordsOver(100, topics.users().name());
        Roster renamed = new RosterLoader().load(DemoRoster.yaml().replace("name: 卡点日报", "name: 卡点日报（新）"));
        long version = view.onlyJurisdiction().getVersion();

        assertThatThrownBy(() -> publisher.publish(renamed, BUDGET, p -> audit(p.version())))
                .isInstanceOf(BrokerUnavailableException.class);

        assertThat(TopicReader.readAll(kafka.bootstrapServers(), topics.forms())).extracting(Form::getName)
                .doesNotContain("卡点日报（新）");
        assertThat(TopicReader.readAll(kafka.bootstrapServers(), topics.jurisdictions()))
                .extracting(Jurisdiction::getVersion).containsOnly(version);
        assertThat(TopicReader.readAll(kafka.bootstrapServers(), topics.audit())).isEmpty();
        assertThat(view.form("checkpoint-daily").getName()).isEqualTo("卡点日报");
    }

    @Test
    void theAuditRecordIsCommittedWithTheRoster() {
        RosterPublisher.Published published = publisher.publish(DemoRoster.roster(), BUDGET, p -> audit(p.version()));

        assertThat(published.inForceHere()).isTrue();
        assertThat(TopicReader.readAll(kafka.bootstrapServers(), topics.audit())).singleElement()
                .satisfies(a -> assertThat(a.getDetail()).containsEntry("version",
                        String.valueOf(published.version())));
    }

    @Test
    void aReplicaThatDoesNotSeeThePublishInTimeSaysSoWithinTheBudget() {
        // this replica's view holds the roster as it was and follows no topic any more
        RosterView frozen = RosterView.fixed(view.jurisdictions(), view.units(), view.forms(), view.users());
        RosterPublisher publisher = new RosterPublisher(kafka.bootstrapServers(), topics, frozen, clock);
        long started = System.nanoTime();

        RosterPublisher.Published published = publisher.publish(DemoRoster.roster(), BUDGET);

        assertThat(published.inForceHere()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BUDGET.plusMillis(500));
        assertThat(TopicReader.readAll(kafka.bootstrapServers(), topics.jurisdictions()))
                .extracting(Jurisdiction::getVersion).contains(published.version());
    }

    @Test
    void aPublishWhoseViewCannotBeReadUpToNowIsRefusedWithinTheBudgetAndWritesNothing() throws Exception {
        long version = view.onlyJurisdiction().getVersion();
        view.close();   // this replica can no longer tell what the roster topics hold
        long started = System.nanoTime();

        assertThatThrownBy(() -> publisher.publish(DemoRoster.roster(), BUDGET))
                .isInstanceOf(BrokerUnavailableException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BUDGET);
        assertThat(TopicReader.readAll(kafka.bootstrapServers(), topics.jurisdictions()))
                .extracting(Jurisdiction::getVersion).containsOnly(version);
    }

    @Test
    void aRosterIsInForceWhenTheViewShowsItsRecordsUnderAnyVersion() {
        Roster renamed = new RosterLoader().load(DemoRoster.yaml().replace("name: 卡点日报", "name: 卡点日报（新）"));

        assertThat(publisher.inForce(DemoRoster.roster(), Duration.ofSeconds(1))).isTrue();
        assertThat(publisher.inForce(renamed, Duration.ofMillis(300))).isFalse();
    }

    @Test
    void aSuspensionWithoutADateIsDatedTodayInTheJurisdictionAndKeepsThatDateOnLaterPublishes() {
        Clock at = Clock.fixed(Instant.parse("2026-03-14T17:00:00Z"), ZoneOffset.UTC);
        RosterPublisher publisher = new RosterPublisher(kafka.bootstrapServers(), topics, view, at);
        String suspended = DemoRoster.yaml().replace("principal: u-tianbao-sj,",
                "suspended: true, principal: u-tianbao-sj,");

        assertThat(publisher.publish(new RosterLoader().load(suspended), BUDGET).inForceHere()).isTrue();
        // 01:00 on the 15th in Shanghai
        assertThat(view.unit("twn-tianbao").getSuspendedFrom()).isEqualTo(LocalDate.parse("2026-03-15"));

        RosterPublisher dayLater = new RosterPublisher(kafka.bootstrapServers(), topics, view,
                Clock.offset(at, Duration.ofDays(1)));
        assertThat(dayLater.publish(new RosterLoader().load(suspended), BUDGET).inForceHere()).isTrue();
        assertThat(view.unit("twn-tianbao").getSuspendedFrom()).isEqualTo(LocalDate.parse("2026-03-15"));

        assertThat(dayLater.publish(DemoRoster.roster(), BUDGET).inForceHere()).isTrue();
        assertThat(view.unit("twn-tianbao").getSuspended()).isFalse();
        assertThat(view.unit("twn-tianbao").getSuspendedFrom()).isNull();
    }

    @Test
    void aRosterIsCheckedAgainstTheOtherJurisdictionsAsCommittedAndWritesNothingWhenItClaimsTheirUnits()
            throws Exception {
        long version = view.onlyJurisdiction().getVersion();
        try (RosterView otherView = RosterView.start(kafka.bootstrapServers(), topics)) {
            new RosterPublisher(kafka.bootstrapServers(), topics, otherView, clock).publish(otherCounty(), BUDGET);
        }

        // at once: this replica's view may not have read the other county's roster yet; the publish reads it first
        assertThatThrownBy(() -> publisher.publish(demoWithNewTownship(), BUDGET, p -> audit(p.version())))
                .isInstanceOfSatisfying(InvalidRosterException.class, e -> assertThat(e.problems())
                        .extracting(RosterProblem::toString).contains(
                                "units[" + (DemoRoster.roster().units().size()) + "].id: unit 'twn-new' belongs to "
                                        + "jurisdiction 'other-county'"));

        assertThat(TopicReader.readAll(kafka.bootstrapServers(), topics.jurisdictions()))
                .filteredOn(j -> j.getId().equals("demo-county")).extracting(Jurisdiction::getVersion)
                .containsOnly(version);
        assertThat(TopicReader.readAll(kafka.bootstrapServers(), topics.audit())).isEmpty();
    }

    @Test
    void publishesOfTwoJurisdictionsAtOnceFenceEachOtherSoNeitherIsCheckedOnARosterTheOtherChanges() throws Exception {
        try (RosterView otherView = RosterView.start(kafka.bootstrapServers(), topics)) {
            RosterPublisher otherReplica = new RosterPublisher(kafka.bootstrapServers(), topics, otherView, clock);

            // the other county publishes its claim on twn-new while this publish, which claims it too, is open
            assertThatThrownBy(() -> publisher.publish(demoWithNewTownship(), BUDGET, p -> {
                otherReplica.publish(otherCounty(), BUDGET);
                return audit(p.version());
            })).isInstanceOf(OneTransaction.Superseded.class);
        }

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(view.unit("twn-new").getJurisdictionId()).isEqualTo("other-county"));
        assertThat(TopicReader.readAll(kafka.bootstrapServers(), topics.units()))
                .filteredOn(u -> u.getId().equals("twn-new")).extracting(u -> u.getJurisdictionId())
                .containsOnly("other-county");
        assertThat(TopicReader.readAll(kafka.bootstrapServers(), topics.audit())).isEmpty();
    }

    @Test
    void anotherPublishThatCommitsWhileThisOneBeginsIsSeenByTheBoundaryCheck() throws Exception {
        long version = view.onlyJurisdiction().getVersion();
        try (RosterView otherView = RosterView.start(kafka.bootstrapServers(), topics);
             SlowStart slowStart = new SlowStart(kafka.bootstrapServers(), () ->
                     new RosterPublisher(kafka.bootstrapServers(), topics, otherView, clock)
                             .publish(otherCounty(), BUDGET))) {
            // this publish's transaction reaches the broker only after the other county has committed its claim on
            // twn-new; the claim must be in what this publish checks, so its begin has to come before its check
            RosterPublisher slowToBegin = new RosterPublisher(slowStart.address(), topics, view, clock);

            assertThatThrownBy(() -> slowToBegin.publish(demoWithNewTownship(), SLOW_BUDGET, p -> audit(p.version())))
                    .isInstanceOfSatisfying(InvalidRosterException.class, e -> assertThat(e.problems())
                            .extracting(RosterProblem::toString).contains(
                                    "units[" + (DemoRoster.roster().units().size()) + "].id: unit 'twn-new' "
                                            + "belongs to jurisdiction 'other-county'"));
            assertThat(slowStart.meanwhileRan).isCompleted();
        }

        assertThat(TopicReader.readAll(kafka.bootstrapServers(), topics.units()))
                .filteredOn(u -> u.getId().equals("twn-new")).extracting(u -> u.getJurisdictionId())
                .containsOnly("other-county");
        assertThat(TopicReader.readAll(kafka.bootstrapServers(), topics.jurisdictions()))
                .filteredOn(j -> j.getId().equals("demo-county")).extracting(Jurisdiction::getVersion)
                .containsOnly(version);
        assertThat(TopicReader.readAll(kafka.bootstrapServers(), topics.audit())).isEmpty();
    }

    /** The demo county with a new township, twn-new, and its principal. */
    private static Roster demoWithNewTownship() {
        return new RosterLoader().load(DemoRoster.yaml().replace("\n\nusers:\n", """

                  - {id: twn-new, name: 新镇, kind: TOWNSHIP, parent: demo-county, form: township-daily, \
                principal: u-new-sj, activeFrom: 2026-01-01}

                users:
                  - {id: u-new-sj, name: 新镇书记, role: PRINCIPAL, unit: twn-new, tokenSha256: "%s"}
                """.formatted("d".repeat(64))));
    }

    /** Another county whose roster names the same new township. */
    private static Roster otherCounty() {
        return new RosterLoader().load("""
                jurisdiction: {id: other-county, name: 另一县, timezone: Asia/Shanghai, office: 指挥部办公室}
                deadlines: {reminder: "15:30", submission: "16:30", bulletin: "18:00", amendDays: 3}
                forms:
                  - {id: other-daily, name: 另一县日报, metrics: [{code: m0, name: 指标, min: 0}]}
                units:
                  - {id: other-county, name: 另一县, kind: COUNTY, activeFrom: 2026-01-01}
                  - {id: twn-new, name: 新镇, kind: TOWNSHIP, parent: other-county, form: other-daily, \
                principal: u-other-sj, activeFrom: 2026-01-01}
                users:
                  - {id: u-other-sj, name: 书记, role: PRINCIPAL, unit: twn-new, tokenSha256: "%s"}
                  - {id: u-other-admin, name: 管理员, role: ADMIN, tokenSha256: "%s"}
                """.formatted("e".repeat(64), "f".repeat(64)));
    }

    private static AuditEvent audit(long version) {
        return AuditEvent.newBuilder().setAuditId("audit-" + version).setActor("u-admin").setAction("ROSTER_RELOAD")
                .setTarget("county").setOutcome("ACCEPTED")
                .setAt(Instant.ofEpochMilli(version)).setSourceAddress("test")
                .setDetail(Map.of("version", String.valueOf(version))).build();
    }

    /**
     * The way to the broker of one publisher's transaction, as slow to start as a busy network or coordinator: its
     * first connection is held until {@code meanwhile} has run. The producer learns the broker's own address from the
     * first answer and goes there directly after.
     */
    private static final class SlowStart implements AutoCloseable {

        final CompletableFuture<Void> meanwhileRan = new CompletableFuture<>();
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());

        SlowStart(String broker, Runnable meanwhile) throws IOException {
            int brokerPort = Integer.parseInt(broker.substring(broker.lastIndexOf(':') + 1));
            Thread accepting = new Thread(() -> {
                try {
                    Socket first = server.accept();
                    try {
                        meanwhile.run();
                        meanwhileRan.complete(null);
                    } catch (RuntimeException e) {
                        meanwhileRan.completeExceptionally(e);
                    }
                    for (Socket client = first; ; client = server.accept()) {
                        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), brokerPort);
                        pipe(client, upstream);
                        pipe(upstream, client);
                    }
                } catch (IOException e) {
                    // closed
                }
            }, "slow-start");
            accepting.setDaemon(true);
            accepting.start();
        }

        String address() {
            return "127.0.0.1:" + server.getLocalPort();
        }

        private static void pipe(Socket from, Socket to) {
            Thread copying = new Thread(() -> {
                try (from; to) {
                    from.getInputStream().transferTo(to.getOutputStream());
                } catch (IOException e) {
                    // either side closed: both are
                }
            }, "slow-start-pipe");
            copying.setDaemon(true);
            copying.start();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    private void refuseRecordsOver(int bytes, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(
                    new ConfigEntry("max.message.bytes", String.valueOf(bytes)), AlterConfigOp.OpType.SET))))
                    .all().get();
            // the change is acknowledged by the controller before the broker applies it
            await().atMost(Duration.ofSeconds(10)).until(() -> String.valueOf(bytes).equals(admin
                    .describeConfigs(List.of(resource)).all().get().get(resource).get("max.message.bytes").value()));
        }
    }
}
