package io.ribao.ingest.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ribao.ingest.DemoRoster;
import io.ribao.ingest.MutableClock;
import io.ribao.ingest.api.ReportReceipt;
import io.ribao.ingest.api.ReportRequest;
import io.ribao.kit.auth.RibaoPrincipal;
import io.ribao.kit.auth.TokenAuthenticator;
import io.ribao.kit.error.ApiException;
import io.ribao.kit.roster.RosterView;
import io.ribao.schemas.report.ReportEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A write whose acknowledgement is lost (the leader died after replicating it) was answered 503 but is in the log:
 * the retry must find it instead of writing a second report (F6 in docs/reliability.md).
 */
class ReportIntakeInDoubtTest {

    /** The journal as the log sees it: an append can land and still fail; the index learns only on catch-up. */
    private static final class LossyJournal implements ReportJournal {
        final List<ReportEvent> log = new ArrayList<>();
        final ReportIndex index;
        int catchUps;
        boolean loseNextAcknowledgement;
        boolean readBackWorks;

        LossyJournal(ReportIndex index) {
            this.index = index;
        }

        @Override
        public void append(ReportEvent event) {
            log.add(event);
            if (loseNextAcknowledgement) {
                loseNextAcknowledgement = false;
                throw new ApiException(503, "BROKER_UNAVAILABLE", "acknowledgement lost");
            }
        }

        @Override
        public void catchUp(Duration within) {
            catchUps++;
            log.forEach(index::apply);
        }

        @Override
        public boolean readBack() {
            if (readBackWorks) {
                log.forEach(index::apply);
            }
            return readBackWorks;
        }
    }

    private final RosterView roster = DemoRoster.view();
    private final MutableClock clock = MutableClock.atShanghai("2026-03-14T10:00:00");
    private final ReportIndex index = new ReportIndex();
    private final LossyJournal journal = new LossyJournal(index);
    private final ReportIntake intake = new ReportIntake(roster, index, journal, event -> { }, clock);
    private final Messages messages = Messages.english();

    private RibaoPrincipal principal() {
        return TokenAuthenticator.principalOf(roster.user("u-chk-mali-highway-zz"));
    }

    private static ReportRequest zero() {
        return new ReportRequest("chk-mali-highway", "2026-03-14", true, null, null, null);
    }

    @Test
    void aRetryWithTheSameKeyAfterALostAcknowledgementGetsTheReportThatLanded() {
        journal.loseNextAcknowledgement = true;
        assertThatThrownBy(() -> intake.submit(principal(), zero(), "key-1", "ip", messages))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(503));

        ReportReceipt retry = intake.submit(principal(), zero(), "key-1", "ip", messages);

        assertThat(journal.log).singleElement()
                .satisfies(landed -> assertThat(retry.reportId()).isEqualTo(landed.getReportId()));
        assertThat(journal.catchUps).isEqualTo(1);
    }

    @Test
    void theNextRevisionAfterALostAcknowledgementCountsTheOneThatLanded() {
        journal.loseNextAcknowledgement = true;
        assertThatThrownBy(() -> intake.submit(principal(), zero(), null, "ip", messages))
                .isInstanceOf(ApiException.class);

        ReportReceipt next = intake.submit(principal(), zero(), null, "ip", messages);

        assertThat(next.revision()).isEqualTo(2);
        assertThat(journal.log).extracting(ReportEvent::getRevision).containsExactly(1, 2);
    }

    @Test
    void aWriteWhoseAcknowledgementIsLostButThatTheLogShowsIsAccepted() {
        journal.loseNextAcknowledgement = true;
        journal.readBackWorks = true;

        ReportReceipt receipt = intake.submit(principal(), zero(), "key-1", "ip", messages);

        assertThat(journal.log).singleElement()
                .satisfies(landed -> assertThat(receipt.reportId()).isEqualTo(landed.getReportId()));
        assertThat(intake.submit(principal(), zero(), "key-1", "ip", messages)).isEqualTo(receipt);
        assertThat(journal.catchUps).as("nothing left in doubt").isZero();
    }

    @Test
    void writesThatSucceedNeverReadTheLogBack() {
        intake.submit(principal(), zero(), "key-1", "ip", messages);
        intake.submit(principal(), zero(), "key-2", "ip", messages);

        assertThat(journal.catchUps).isZero();
        assertThat(journal.log).hasSize(2);
    }
}
