package io.ribao.ingest.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ribao.ingest.DemoRoster;
import io.ribao.ingest.MutableClock;
import io.ribao.ingest.api.ReportRequest;
import io.ribao.kit.auth.RibaoPrincipal;
import io.ribao.kit.auth.TokenAuthenticator;
import io.ribao.kit.error.ApiException;
import io.ribao.kit.roster.RosterView;
import io.ribao.schemas.report.ReportEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A day the roster's amendDays keeps open but whose start lies before the point this replica read the log back from
 * (a reload raised amendDays) may have revisions the index does not know: it is refused, not numbered anew.
 */
class ReportIntakeHeldDaysTest {

    private final RosterView roster = DemoRoster.view();
    private final MutableClock clock = MutableClock.atShanghai("2026-03-14T10:00:00");
    private final ReportIndex index = new ReportIndex();
    private final List<ReportEvent> written = new ArrayList<>();
    private final ReportIntake intake = new ReportIntake(roster, index, written::add, event -> { }, clock);

    private RibaoPrincipal principal() {
        return TokenAuthenticator.principalOf(roster.user("u-chk-mali-highway-zz"));
    }

    private static ReportRequest zeroOn(String date) {
        return new ReportRequest("chk-mali-highway", date, true, null, null, null);
    }

    @Test
    void aDayThatBeganBeforeTheLogWasReadFromIsRefusedAndNothingIsWritten() {
        // the log was read back from noon on the 12th (Shanghai): the 12th's morning is not in the index
        index.readFrom(Instant.parse("2026-03-12T04:00:00Z"));

        assertThatThrownBy(() -> intake.submit(principal(), zeroOn("2026-03-12"), null, "ip", Messages.english()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.code()).isEqualTo("DAY_LOCKED");
                    assertThat(e.getMessage()).contains("2026-03-12", "restarts");
                });
        assertThat(written).isEmpty();

        assertThat(intake.submit(principal(), zeroOn("2026-03-13"), null, "ip", Messages.english()).status())
                .isNotBlank();
        assertThat(written).singleElement().satisfies(e -> assertThat(e.getDate()).hasToString("2026-03-13"));
    }

    @Test
    void aDayDroppedFromTheIndexIsNotHeldEither() {
        index.readFrom(Instant.parse("2026-03-01T00:00:00Z"));
        index.forgetBefore(java.time.LocalDate.parse("2026-03-13"));

        assertThatThrownBy(() -> intake.submit(principal(), zeroOn("2026-03-12"), null, "ip", Messages.english()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThat(written).isEmpty();
    }
}
