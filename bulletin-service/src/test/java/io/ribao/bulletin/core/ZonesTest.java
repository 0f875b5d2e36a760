package io.ribao.bulletin.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.bulletin.Fixtures;
import io.ribao.kit.roster.RosterView;
import io.ribao.schemas.roster.Jurisdiction;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZonesTest {

    private static final Instant LATE_ALERT = Instant.parse("2026-03-02T08:31:00Z");

    @Test
    void anInstantIsToldInTheJurisdictionsWallClockTimeWithItsOffset() {
        Zones zones = zones(Map.of("demo-county", "Asia/Shanghai", "west-county", "Asia/Urumqi"));

        assertThat(Instants.iso(LATE_ALERT, zones.of("demo-county"))).isEqualTo("2026-03-02T16:31:00+08:00");
        assertThat(Instants.iso(LATE_ALERT, zones.of("west-county"))).isEqualTo("2026-03-02T14:31:00+06:00");
        assertThat(Instants.iso(null, zones.of("demo-county"))).isNull();
    }

    @Test
    void aJurisdictionNotKnownOrNotNamedGetsTheOnlyOnesZone() {
        Zones one = zones(Map.of("demo-county", "Asia/Shanghai"));

        assertThat(one.of(null)).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(one.of("not-yet-projected")).isEqualTo(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void withNoneOrSeveralToChooseFromAnUnknownJurisdictionIsToldInUtc() {
        Zones several = zones(Map.of("demo-county", "Asia/Shanghai", "west-county", "Asia/Urumqi"));

        assertThat(several.of("elsewhere")).isEqualTo(ZoneOffset.UTC);
        assertThat(zones(Map.of()).of("demo-county")).isEqualTo(ZoneOffset.UTC);
    }

    /** Zones over a roster holding these jurisdictions (id → IANA zone name). */
    private static Zones zones(Map<String, String> timezones) {
        List<Jurisdiction> jurisdictions = timezones.entrySet().stream()
                .map(e -> Jurisdiction.newBuilder(Fixtures.jurisdiction()).setId(e.getKey())
                        .setTimezone(e.getValue()).build())
                .toList();
        return new Zones(RosterView.fixed(jurisdictions, List.of(), List.of(), List.of()));
    }
}
