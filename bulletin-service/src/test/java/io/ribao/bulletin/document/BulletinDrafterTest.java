package io.ribao.bulletin.document;

import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.bulletin.document.DraftInputs.UnitDay;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class BulletinDrafterTest {

    private final BulletinDrafter drafter = new BulletinDrafter();

    @Test
    void overviewCountsEveryExpectedUnitByHowItReported() {
        // given the demo county's day: 55 units, 2 missing, 1 late, 1 unsigned
        // when
        BulletinContent content = drafter.draft(DemoCounty.inputs(""));

        // then
        Overview o = content.overview();
        assertThat(o.expected()).isEqualTo(55);
        assertThat(o.onTime()).isEqualTo(51);
        assertThat(o.late()).isEqualTo(1);
        assertThat(o.missing()).isEqualTo(2);
        assertThat(o.unsigned()).isEqualTo(1);
        assertThat(o.zeroReports()).isEqualTo(4);
        assertThat(o.delegateSigned()).isEqualTo(1);
        assertThat(o.reportedRate()).isEqualTo(94.5);
        assertThat(o.onTimeRate()).isEqualTo(92.7);
    }

    @Test
    void keyFiguresShowTheChangeAgainstThePreviousDayInTheRosterOrder() {
        BulletinContent content = drafter.draft(DemoCounty.inputs(""));

        assertThat(content.keyFigures()).extracting(KeyFigure::code)
                .containsExactly("persons_registered", "centralized_isolation", "vaccine_doses");
        assertThat(content.keyFigures().get(0)).isEqualTo(new KeyFigure("persons_registered", "实名登记人数", 3055, 2990L, 65L));
        assertThat(content.keyFigures().get(1).change()).isEqualTo(-5L);
        assertThat(content.keyFigures().get(2).yesterday()).isNull();
        assertThat(content.keyFigures().get(2).change()).isNull();
    }

    @Test
    void withoutARollUpTheTotalsAreSummedFromSignedReportsOnly() {
        DraftInputs base = DemoCounty.inputs("");
        DraftInputs noRollup = new DraftInputs(base.issuer(), base.date(), 1, base.units(),
                List.of(new UnitDay("chk-1", "ON_TIME", false, Map.of("persons_registered", 7L), "PRINCIPAL", "u", false, false),
                        new UnitDay("chk-2", "PENDING_SIGNOFF", false, Map.of("persons_registered", 100L), null, null, true, false),
                        new UnitDay("chk-4", "LATE", false, Map.of("persons_registered", 3L), "PRINCIPAL", "u", false, false)),
                Map.of(), Map.of(), base.metricNames(), List.of(), List.of(), "");

        BulletinContent content = drafter.draft(noRollup);

        assertThat(content.keyFigures()).containsExactly(new KeyFigure("persons_registered", "实名登记人数", 10, null, null));
    }

    @Test
    void tablesComeOnePerUnitKindTownshipsFirst() {
        BulletinContent content = drafter.draft(DemoCounty.inputs(""));

        assertThat(content.unitTables()).extracting(UnitTable::kind)
                .containsExactly("TOWNSHIP", "CHECKPOINT", "PATROL", "DEPARTMENT", "SUPERVISION_TEAM");
        UnitTable townships = content.unitTables().get(0);
        assertThat(townships.rows()).extracting(UnitRow::name).containsExactlyElementsOf(DemoCounty.TOWNSHIPS);
        assertThat(townships.columns()).extracting(UnitTable.Column::name)
                .containsExactly("重点人员排查数", "集中隔离人数", "疫苗接种剂次");
        assertThat(townships.rows().get(3).signer()).isEqualTo("DELEGATE");
    }

    @Test
    void noticesNameTheLateMissingUnsignedDelegateAndConcealingUnits() {
        BulletinContent content = drafter.draft(DemoCounty.inputs(""));

        Notices n = content.notices();
        assertThat(n.missing()).extracting(NamedUnit::name)
                .containsExactly(DemoCounty.MISSING_TOWNSHIP, DemoCounty.MISSING_DEPARTMENT);
        assertThat(n.late()).extracting(NamedUnit::name).containsExactly(DemoCounty.LATE_TOWNSHIP);
        assertThat(n.unsigned()).extracting(NamedUnit::name).containsExactly(DemoCounty.UNSIGNED_CHECKPOINT);
        assertThat(n.delegateSigned()).extracting(NamedUnit::name).containsExactly(DemoCounty.DELEGATE_TOWNSHIP);
        assertThat(n.concealmentSuspected()).extracting(NamedUnit::name).containsExactly(DemoCounty.CONCEALING_TOWNSHIP);
        assertThat(n.concealmentSuspected().get(0).detail()).contains("集中隔离");
    }

    @Test
    void reportsOfTheDayBeforeThatCameAfterItsCutoffAreNamedInTheAddendum() {
        DraftInputs base = DemoCounty.inputs("");
        DraftInputs withAddendum = new DraftInputs(base.issuer(), base.date(), 1, base.units(), base.statuses(),
                base.todayTotals(), base.yesterdayTotals(), base.metricNames(), base.alerts(), base.findings(), "",
                List.of(new UnitDay("twn-2", "LATE", false, Map.of(), "PRINCIPAL", "u", false, true)));

        BulletinContent content = drafter.draft(withAddendum);

        assertThat(content.notices().previousDayAfterCutoff()).extracting(NamedUnit::name)
                .containsExactly(DemoCounty.MISSING_TOWNSHIP);
        assertThat(new HtmlRenderer(Labels.chinese()).render(content)).contains("前日截止后补报单位");
    }

    @Test
    void findingsCarryTheUnitNameAndRectificationStatus() {
        BulletinContent content = drafter.draft(DemoCounty.inputs(""));

        assertThat(content.findings()).extracting(FindingLine::unitName, FindingLine::status)
                .containsExactly(Tuple.tuple("天保镇", "OPEN"),
                        Tuple.tuple("麻栗镇", "RECTIFIED"));
    }

    @Test
    void aDraftHasNoIssueNumberUntilApproval() {
        BulletinContent content = drafter.draft(DemoCounty.inputs("下步工作"));

        assertThat(content.issueNo()).isNull();
        assertThat(content.withIssueNo(7).issueNo()).isEqualTo(7);
        assertThat(content.narrative()).isEqualTo("下步工作");
        assertThat(content.reportTo()).containsExactly("县委书记", "县长");
    }
}
