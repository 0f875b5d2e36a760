package io.ribao.bulletin.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ribao.bulletin.Fixtures;
import io.ribao.bulletin.TestKafka;
import io.ribao.bulletin.db.TestDatabase;
import io.ribao.bulletin.document.JsonRenderer;
import io.ribao.bulletin.document.KeyFigure;
import io.ribao.bulletin.document.NamedUnit;
import io.ribao.bulletin.document.UnitTable;
import io.ribao.bulletin.projection.Applied;
import io.ribao.bulletin.projection.RaisedAlerts;
import io.ribao.bulletin.projection.RecordApplier;
import io.ribao.schemas.bulletin.BulletinEvent;
import io.ribao.schemas.bulletin.BulletinState;
import io.ribao.schemas.roster.Form;
import io.ribao.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.groups.Tuple;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The workflow on embedded PostgreSQL with the production migrations (read models V1…, the bulletins V10). */
class BulletinServiceTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 14);
    private static final Actor OFFICE = new Actor("u-office", "OFFICE", "demo-county", "10.0.0.1");
    private static final Actor DIRECTOR = new Actor("u-director", "DIRECTOR", "demo-county", "10.0.0.2");
    private static final Actor LEADER = new Actor("u-leader-1", "LEADER", "demo-county", "10.0.0.3");

    private Jdbi jdbi;
    private BulletinService service;
    private final List<ReleasedBulletin> delivered = new ArrayList<>();
    private final List<BulletinEvent> published = new ArrayList<>();

    @BeforeEach
    void readModelsOfOneDay() {
        jdbi = TestDatabase.fresh().jdbi();
        service = new BulletinService(jdbi, Clock.fixed(Instant.parse("2026-03-14T10:30:00Z"), ZoneOffset.UTC),
                (handle, bulletin) -> delivered.add(bulletin), published::add, MetricNames.known());
        ReadModelSeed.oneDay(jdbi);
    }

    @Test
    void aDraftNowIsBuiltFromTheReadModels() {
        Bulletin b = service.draftNow("demo-county", DAY, OFFICE);

        assertThat(b.state()).isEqualTo(BulletinState.DRAFT);
        assertThat(b.content().overview().expected()).isEqualTo(4);
        assertThat(b.content().overview().onTime()).isEqualTo(2);
        assertThat(b.content().overview().late()).isEqualTo(1);
        assertThat(b.content().overview().missing()).isEqualTo(1);
        assertThat(b.content().notices().missing()).extracting(NamedUnit::name).containsExactly("董干镇");
        assertThat(b.content().notices().delegateSigned()).extracting(NamedUnit::name).containsExactly("卫健局");
        assertThat(b.content().notices().concealmentSuspected()).extracting(NamedUnit::name).containsExactly("天保镇");
        assertThat(b.content().keyFigures()).contains(new KeyFigure("persons_registered", "实名登记人数", 100, 80L, 20L));
        assertThat(b.content().findings()).singleElement().satisfies(f -> assertThat(f.unitName()).isEqualTo("董干镇"));
        assertThat(b.content().reportTo()).containsExactly("张三", "李四");
        assertThat(b.content().sendTo()).containsExactly("州疫情防控指挥部");
        assertThat(service.find(b.id())).contains(b);
        assertThat(auditRows("BULLETIN_DRAFT")).hasSize(1);
        assertThat(published).extracting(BulletinEvent::getState).containsExactly(BulletinState.DRAFT);
    }

    @Test
    void theRosterFormsNameTheMetricsInTheirOrderAndTheKnownNamesOnlyFillIn() {
        // given the demo roster's department form (codes the known names lack) and checkpoint form, as projected
        project(Fixtures.form("department-daily", "部门日报", "measures_taken", "落实防控措施项数",
                "staff_on_duty", "在岗值守人数", "issues_found", "发现问题数", "issues_resolved", "解决问题数"));
        project(Fixtures.form("checkpoint-daily", "卡点日报", "persons_registered", "实名登记人数",
                "temperature_checks", "体温监测人数"));
        jdbi.useHandle(h -> h.createScript("""
                UPDATE unit_day_status SET zero_report = false,
                    metrics = '{"issues_found": 2, "issues_resolved": 1, "measures_taken": 3, "staff_on_duty": 12}'
                WHERE unit_id = 'dep-1';
                UPDATE rollups SET metrics = metrics || '{"temperature_checks": 130}'
                WHERE node_id = 'cty' AND day = '2026-03-14';
                """).execute());

        Bulletin b = service.draftNow("demo-county", DAY, OFFICE);

        // then the department table reads as the form does, in the form's order (not the codes' alphabetical one)
        UnitTable departments = b.content().unitTables().stream().filter(t -> t.kind().equals("DEPARTMENT"))
                .findFirst().orElseThrow();
        assertThat(departments.columns()).extracting(UnitTable.Column::code, UnitTable.Column::name).containsExactly(
                Tuple.tuple("measures_taken", "落实防控措施项数"), Tuple.tuple("staff_on_duty", "在岗值守人数"),
                Tuple.tuple("issues_found", "发现问题数"), Tuple.tuple("issues_resolved", "解决问题数"));
        // the roster's name wins over the known one (体温检测人数); a code no form names keeps its known name
        assertThat(b.content().keyFigures()).extracting(KeyFigure::code, KeyFigure::name).containsExactly(
                Tuple.tuple("persons_registered", "实名登记人数"), Tuple.tuple("temperature_checks", "体温监测人数"),
                Tuple.tuple("centralized_isolation", "集中隔离人数"));
        assertThat(service.html(b)).contains("在岗值守人数", "落实防控措施项数", "体温监测人数")
                .doesNotContain("staff_on_duty", "measures_taken", "体温检测人数");
    }

    @Test
    void approvalFreezesAndHashesTheStoredContent() {
        Bulletin draft = service.draftNow("demo-county", DAY, OFFICE);
        service.editNarrative(draft.id(), "一是压实责任。", OFFICE);

        Bulletin approved = service.approve(draft.id(), DIRECTOR);

        Bulletin stored = service.find(draft.id()).orElseThrow();
        assertThat(stored.state()).isEqualTo(BulletinState.APPROVED);
        assertThat(stored.issueNo()).isEqualTo(1);
        assertThat(stored.narrative()).isEqualTo("一是压实责任。");
        assertThat(stored.contentSha256()).isEqualTo(approved.contentSha256())
                .isEqualTo(new JsonRenderer().sha256(stored.content()));
        assertThat(published.get(published.size() - 1).getContentJson()).contains("一是压实责任。");
    }

    @Test
    void editingTheNarrativeAfterApprovalIsAConflict() {
        Bulletin draft = service.draftNow("demo-county", DAY, OFFICE);
        service.approve(draft.id(), DIRECTOR);

        assertThatThrownBy(() -> service.editNarrative(draft.id(), "改动", OFFICE))
                .isInstanceOf(BulletinConflict.class)
                .extracting(e -> ((BulletinConflict) e).code()).isEqualTo("NOT_DRAFT");
        assertThat(service.find(draft.id()).orElseThrow().narrative()).isEmpty();
    }

    @Test
    void releaseWithoutApprovalIsRefusedAndAudited() {
        Bulletin draft = service.draftNow("demo-county", DAY, OFFICE);

        assertThatThrownBy(() -> service.release(draft.id(), OFFICE)).isInstanceOf(NotApproved.class);

        assertThat(service.find(draft.id()).orElseThrow().state()).isEqualTo(BulletinState.DRAFT);
        assertThat(auditRows("BULLETIN_RELEASE")).singleElement().satisfies(row -> {
            assertThat(row.get("actor")).isEqualTo("u-office");
            assertThat(row.get("target")).isEqualTo(draft.id());
            assertThat((String) row.get("detail")).contains("REFUSED").contains("NOT_APPROVED");
            assertThat(row.get("source")).isEqualTo("10.0.0.1");
        });
        assertThat(delivered).isEmpty();
    }

    @Test
    void releaseByALeaderIsForbiddenAndAudited() {
        Bulletin draft = service.draftNow("demo-county", DAY, OFFICE);
        service.approve(draft.id(), DIRECTOR);

        assertThatThrownBy(() -> service.release(draft.id(), LEADER)).isInstanceOf(NotPermitted.class);

        assertThat(auditRows("BULLETIN_RELEASE")).singleElement()
                .satisfies(row -> assertThat((String) row.get("detail")).contains("FORBIDDEN"));
        assertThat(service.find(draft.id()).orElseThrow().state()).isEqualTo(BulletinState.APPROVED);
    }

    @Test
    void onlyADirectorApproves() {
        Bulletin draft = service.draftNow("demo-county", DAY, OFFICE);

        assertThatThrownBy(() -> service.approve(draft.id(), OFFICE)).isInstanceOf(NotPermitted.class);
        assertThat(service.find(draft.id()).orElseThrow().state()).isEqualTo(BulletinState.DRAFT);
    }

    @Test
    void releaseHandsTheBulletinToDeliveryWithReceiptsForEveryRecipientAndUpstream() {
        Bulletin draft = service.draftNow("demo-county", DAY, OFFICE);
        service.approve(draft.id(), DIRECTOR);

        Bulletin released = service.release(draft.id(), DIRECTOR);

        assertThat(released.state()).isEqualTo(BulletinState.RELEASED);
        assertThat(delivered).singleElement().satisfies(d -> {
            assertThat(d.recipientUserIds()).containsExactly("u-leader-1", "u-leader-2");
            assertThat(d.upstreamChannelJson()).contains("prefecture.example");
            assertThat(d.issueNo()).isEqualTo(1);
            assertThat(d.title()).isEqualTo("示例县疫情防控工作专报");
            assertThat(d.content().issueNo()).isEqualTo(1);
            assertThat(d.contentSha256()).isEqualTo(released.contentSha256())
                    .isEqualTo(new JsonRenderer().sha256(d.content()));
        });
        assertThat(service.receipts(draft.id())).extracting(BulletinReceipt::recipient)
                .containsExactly("u-leader-1", "u-leader-2", "upstream");
        assertThat(published).extracting(BulletinEvent::getState)
                .containsExactly(BulletinState.DRAFT, BulletinState.APPROVED, BulletinState.RELEASED);
    }

    @Test
    void receiptsShowWhenTheOutboxSentEachRecipientsCopyAndWhenItWasRead() {
        Bulletin b = service.draftNow("demo-county", DAY, OFFICE);
        service.approve(b.id(), DIRECTOR);
        service.release(b.id(), DIRECTOR);

        // the delivery side sends the first leader's copies and the leader opens the in-app one
        jdbi.useHandle(h -> h.createScript("""
                INSERT INTO outbox (id, message_key, kind, recipient_id, channel, title, body, payload, state,
                                    next_attempt_at, created_at, sent_at) VALUES
                  (901, 'bulletin|%1$s|u-leader-1|inapp', 'BULLETIN', 'u-leader-1', '{"type":"inapp"}', 't', 'b', '{}',
                   'SENT', now(), now(), '2026-03-14T10:31:00Z'),
                  (902, 'bulletin|%1$s|u-leader-2|email', 'BULLETIN', 'u-leader-2', '{"type":"email"}', 't', 'b', '{}',
                   'PENDING', now(), now(), NULL);
                INSERT INTO inbox (outbox_id, recipient_id, title, body, created_at, read_at)
                VALUES (901, 'u-leader-1', 't', 'b', now(), '2026-03-14T10:40:00Z');
                """.formatted(b.id())).execute());

        List<BulletinReceipt> receipts = service.receipts(b.id());

        assertThat(receipts).extracting(BulletinReceipt::recipient, BulletinReceipt::deliveredAt, BulletinReceipt::readAt)
                .containsExactly(
                        Tuple.tuple("u-leader-1", Instant.parse("2026-03-14T10:31:00Z"), Instant.parse("2026-03-14T10:40:00Z")),
                        Tuple.tuple("u-leader-2", null, null),
                        Tuple.tuple("upstream", null, null));
    }

    @Test
    void theNextDaysBulletinNamesReportsThatCameAfterTheCutoff() {
        jdbi.useHandle(h -> h.execute("""
                UPDATE unit_day_status SET state = 'LATE', signer = 'PRINCIPAL', after_cutoff = true
                WHERE unit_id = 'twn-b' AND day = '2026-03-14'"""));

        Bulletin next = service.draftNow("demo-county", DAY.plusDays(1), OFFICE);

        assertThat(next.content().notices().previousDayAfterCutoff()).extracting(NamedUnit::name)
                .containsExactly("董干镇");
    }

    @Test
    void aDayClosedForAJurisdictionNotYetInTheRosterDraftsNothing() {
        assertThat(service.draftFromDayClosed("elsewhere", DAY)).isEmpty();
        assertThat(service.onDay(DAY)).isEmpty();
    }

    @Test
    void issueNumbersRunPerJurisdictionAndYear() {
        int first = service.approve(service.draftNow("demo-county", DAY, OFFICE).id(), DIRECTOR).issueNo();
        int second = service.approve(service.draftNow("demo-county", DAY.plusDays(1), OFFICE).id(), DIRECTOR).issueNo();
        int nextYear = service.approve(service.draftNow("demo-county", LocalDate.of(2027, 1, 1), OFFICE).id(),
                DIRECTOR).issueNo();

        assertThat(List.of(first, second, nextYear)).containsExactly(1, 2, 1);
    }

    @Test
    void aCorrectionIsANewVersionThroughTheSameSteps() {
        Bulletin first = service.draftNow("demo-county", DAY, OFFICE);
        service.editNarrative(first.id(), "原文", OFFICE);
        service.approve(first.id(), DIRECTOR);
        service.release(first.id(), DIRECTOR);

        Bulletin correction = service.draftNow("demo-county", DAY, OFFICE);

        assertThat(correction.version()).isEqualTo(2);
        assertThat(correction.state()).isEqualTo(BulletinState.DRAFT);
        assertThat(correction.narrative()).isEqualTo("原文");
        assertThatThrownBy(() -> service.release(correction.id(), DIRECTOR)).isInstanceOf(NotApproved.class);
        assertThat(service.approve(correction.id(), DIRECTOR).issueNo()).isEqualTo(2);
        assertThat(service.release(correction.id(), DIRECTOR).state()).isEqualTo(BulletinState.RELEASED);
        assertThat(service.onDay(DAY)).extracting(Bulletin::version, Bulletin::state).containsExactly(
                Tuple.tuple(1, BulletinState.RELEASED),
                Tuple.tuple(2, BulletinState.RELEASED));
    }

    @Test
    void theDayClosedDraftUsesTheSnapshotAndLeavesAnApprovedBulletinAlone() {
        Bulletin drafted = service.draftFromDayClosed("demo-county", DAY).orElseThrow();

        assertThat(drafted.draftedBy()).isEqualTo("system");
        assertThat(drafted.content().notices().missing()).extracting(NamedUnit::name)
                .containsExactly("董干镇", "卡点一");
        service.approve(drafted.id(), DIRECTOR);
        assertThat(service.draftFromDayClosed("demo-county", DAY)).isEmpty();
        assertThat(service.onDay(DAY)).hasSize(1);
    }

    @Test
    void aReportTheDaysSnapshotMissedGoesIntoTheNextBulletinsAddendumThoughSignedBeforeItsCutoff() {
        // chk-1 was MISSING in the 14th's snapshot and is LATE now, without the after-cutoff flag: signed before
        // 18:00, read after the snapshot was taken; twn-a and dep-1 were in the snapshot as reported, twn-b still is not
        everyPartOfTheDayClosed();
        Bulletin next = service.draftNow("demo-county", DAY.plusDays(1), OFFICE);

        assertThat(next.content().notices().previousDayAfterCutoff()).extracting(NamedUnit::name)
                .containsExactly("卡点一");
    }

    @Test
    void withoutTheDaysWholeSnapshotTheAddendumIsWhatWasSignedAfterTheCutoff() {
        // the seeded snapshot lacks its one part: a partial snapshot cannot tell what the bulletin had
        jdbi.useHandle(h -> h.execute("UPDATE unit_day_status SET after_cutoff = true WHERE unit_id = 'dep-1'"));

        Bulletin next = service.draftNow("demo-county", DAY.plusDays(1), OFFICE);

        assertThat(next.content().notices().previousDayAfterCutoff()).extracting(NamedUnit::name)
                .containsExactly("卫健局");
    }

    @Test
    void aDayClosedWithoutItsDraftIsDraftedFromItsSnapshotOnce() {
        // a day whose snapshot is not complete yet is not drafted
        assertThat(service.draftMissed(DayCloseDrafting.LOOK_BACK)).isEmpty();
        everyPartOfTheDayClosed();

        assertThat(service.draftMissed(DayCloseDrafting.LOOK_BACK)).singleElement().satisfies(b -> {
            assertThat(b.draftedBy()).isEqualTo("system");
            assertThat(b.content().notices().missing()).extracting(NamedUnit::name).containsExactly("董干镇", "卡点一");
        });
        assertThat(service.draftMissed(DayCloseDrafting.LOOK_BACK)).isEmpty();
        assertThat(service.onDay(DAY)).hasSize(1);
    }

    @Test
    void aDayClosedLongerAgoThanTheLookBackIsLeftToTheOffice() {
        everyPartOfTheDayClosed();

        // the snapshot was closed half an hour before the clock
        assertThat(service.draftMissed(Duration.ofMinutes(29))).isEmpty();
        assertThat(service.onDay(DAY)).isEmpty();
    }

    @Test
    void theFirstBatchAfterAStartDraftsADayThatClosedWithoutItsDraft() {
        everyPartOfTheDayClosed();
        DayCloseDrafting drafting = new DayCloseDrafting(service);

        drafting.afterCommit(new Applied());

        assertThat(service.onDay(DAY)).singleElement().satisfies(b -> assertThat(b.draftedBy()).isEqualTo("system"));
    }

    @Test
    void anOpenDraftIsRefreshedKeepingTheOfficesNarrative() {
        Bulletin draft = service.draftNow("demo-county", DAY, OFFICE);
        service.editNarrative(draft.id(), "保留的文字", OFFICE);
        jdbi.useHandle(h -> h.execute("UPDATE unit_day_status SET state = 'LATE', signer = 'PRINCIPAL' WHERE unit_id = 'twn-b'"));

        Bulletin refreshed = service.draftNow("demo-county", DAY, OFFICE);

        assertThat(refreshed.id()).isEqualTo(draft.id());
        assertThat(refreshed.narrative()).isEqualTo("保留的文字");
        assertThat(refreshed.content().overview().missing()).isZero();
        assertThat(refreshed.content().overview().late()).isEqualTo(2);
    }

    @Test
    void draftsAndApprovalsAtTheSameMomentNeitherCollideNorShareAnIssueNumber() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            // given two drafts of the same day at once (the office's and the deadline's)
            List<Future<Bulletin>> drafts = pool.invokeAll(List.of(
                    () -> service.draftNow("demo-county", DAY, OFFICE),
                    () -> service.draftFromDayClosed("demo-county", DAY).orElseThrow()));
            for (Future<Bulletin> draft : drafts) {
                assertThat(draft.get().version()).isEqualTo(1);
            }
            // when four days' drafts are approved at once
            List<String> ids = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                ids.add(service.draftNow("demo-county", DAY.plusDays(i), OFFICE).id());
            }
            List<Callable<Integer>> approvals = ids.stream()
                    .<Callable<Integer>>map(id -> () -> service.approve(id, DIRECTOR).issueNo())
                    .toList();
            List<Integer> numbers = new ArrayList<>();
            for (Future<Integer> n : pool.invokeAll(approvals)) {
                numbers.add(n.get());
            }

            // then one version for the day, and issue numbers 1..4 each given once
            assertThat(service.onDay(DAY)).hasSize(1);
            assertThat(numbers).containsExactlyInAnyOrder(1, 2, 3, 4);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Applies a roster form record as the projection does. */
    private void project(Form form) {
        Topics topics = TestKafka.topics();
        jdbi.useTransaction(h -> new RecordApplier(topics, RaisedAlerts.NONE).apply(h, Topics.ROSTER_FORMS,
                form.getId().getBytes(StandardCharsets.UTF_8), topics.forms().serializeValue(form), new Applied()));
    }

    private void everyPartOfTheDayClosed() {
        jdbi.useHandle(h -> h.execute("UPDATE day_closed SET parts_received = '{0}'"));
    }

    private List<Map<String, Object>> auditRows(String action) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT actor, target, detail::text AS detail, source FROM audit WHERE action = :a ORDER BY id")
                .bind("a", action).mapToMap().list());
    }
}
