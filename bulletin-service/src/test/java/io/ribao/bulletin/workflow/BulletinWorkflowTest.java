package io.ribao.bulletin.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ribao.bulletin.document.BulletinContent;
import io.ribao.bulletin.document.BulletinDrafter;
import io.ribao.bulletin.document.DemoCountyAccess;
import io.ribao.bulletin.document.JsonRenderer;
import io.ribao.bulletin.document.Notices;
import io.ribao.bulletin.document.Overview;
import io.ribao.schemas.bulletin.BulletinState;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class BulletinWorkflowTest {

    private static final Instant NOW = Instant.parse("2026-03-14T10:05:00Z");
    private static final Actor OFFICE = new Actor("u-office", "OFFICE", "demo-county", "10.0.0.1");
    private static final Actor DIRECTOR = new Actor("u-director", "DIRECTOR", "demo-county", "10.0.0.2");

    private final JsonRenderer json = new JsonRenderer();
    private final BulletinWorkflow workflow = new BulletinWorkflow(Clock.fixed(NOW, ZoneOffset.UTC), json);

    static BulletinContent content(String narrative) {
        return new BulletinContent("demo-county", "示例县", "县疫情防控指挥部办公室", LocalDate.of(2026, 3, 14), 1,
                null, Overview.of(3, 1, 1, 1, 0, 0, 0, 0), List.of(), List.of(), List.of(),
                new Notices(List.of(), List.of(), List.of(), List.of(), List.of()), narrative, List.of("县长"),
                List.of());
    }

    @Test
    void aNewDraftIsEditableAndHasNeitherIssueNumberNorHash() {
        Bulletin draft = workflow.draft(content(""), OFFICE);

        Bulletin edited = workflow.editNarrative(draft, "一是加强值守。");

        assertThat(edited.id()).isEqualTo("demo-county-2026-03-14-v1");
        assertThat(edited.state()).isEqualTo(BulletinState.DRAFT);
        assertThat(edited.narrative()).isEqualTo("一是加强值守。");
        assertThat(edited.issueNo()).isNull();
        assertThat(edited.contentSha256()).isNull();
        assertThat(edited.draftedAt()).isEqualTo(NOW);
    }

    @Test
    void approvalFreezesTheContentWithItsIssueNumberAndHashesIt() {
        Bulletin draft = workflow.editNarrative(workflow.draft(content(""), OFFICE), "下步工作");

        Bulletin approved = workflow.approve(draft, 7, DIRECTOR);

        assertThat(approved.state()).isEqualTo(BulletinState.APPROVED);
        assertThat(approved.issueNo()).isEqualTo(7);
        assertThat(approved.content().issueNo()).isEqualTo(7);
        assertThat(approved.contentSha256()).isEqualTo(json.sha256(approved.content())).hasSize(64);
        assertThat(approved.approvedBy()).isEqualTo("u-director");
    }

    @Test
    void theNarrativeOfAnApprovedBulletinCannotBeEdited() {
        Bulletin approved = workflow.approve(workflow.draft(content(""), OFFICE), 1, DIRECTOR);

        assertThatThrownBy(() -> workflow.editNarrative(approved, "改动"))
                .isInstanceOf(BulletinConflict.class)
                .extracting(e -> ((BulletinConflict) e).code()).isEqualTo("NOT_DRAFT");
    }

    @Test
    void releasingADraftIsRefusedAsNotApproved() {
        Bulletin draft = workflow.draft(content(""), OFFICE);

        assertThatThrownBy(() -> workflow.release(draft, DIRECTOR))
                .isInstanceOf(NotApproved.class)
                .extracting(e -> ((BulletinConflict) e).code()).isEqualTo("NOT_APPROVED");
    }

    @Test
    void anApprovedBulletinIsReleasedOnceOnly() {
        Bulletin released = workflow.release(workflow.approve(workflow.draft(content(""), OFFICE), 1, DIRECTOR),
                OFFICE);

        assertThat(released.state()).isEqualTo(BulletinState.RELEASED);
        assertThat(released.releasedBy()).isEqualTo("u-office");
        assertThatThrownBy(() -> workflow.release(released, DIRECTOR))
                .isInstanceOf(BulletinConflict.class)
                .extracting(e -> ((BulletinConflict) e).code()).isEqualTo("ALREADY_RELEASED");
    }

    @Test
    void contentThatNoLongerMatchesItsApprovedHashIsNeverReleased() {
        Bulletin approved = workflow.approve(workflow.draft(content(""), OFFICE), 1, DIRECTOR);
        Bulletin tampered = new Bulletin(approved.id(), approved.jurisdictionId(), approved.day(),
                approved.version(), approved.issueNo(), approved.state(), approved.content().withNarrative("改"),
                approved.contentSha256(), approved.draftedAt(), approved.draftedBy(), approved.approvedAt(),
                approved.approvedBy(), null, null);

        assertThatThrownBy(() -> workflow.release(tampered, DIRECTOR)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCorrectionIsTheNextVersionAsADraftCarryingTheNarrative() {
        Bulletin released = workflow.release(workflow.approve(
                workflow.editNarrative(workflow.draft(content(""), OFFICE), "原下步工作"), 1, DIRECTOR), DIRECTOR);

        Bulletin correction = workflow.correction(released, content(""), OFFICE);

        assertThat(correction.id()).isEqualTo("demo-county-2026-03-14-v2");
        assertThat(correction.version()).isEqualTo(2);
        assertThat(correction.state()).isEqualTo(BulletinState.DRAFT);
        assertThat(correction.narrative()).isEqualTo("原下步工作");
        assertThat(correction.issueNo()).isNull();
    }

    @Test
    void aDraftIsRedraftedNotCorrected() {
        Bulletin draft = workflow.editNarrative(workflow.draft(content(""), OFFICE), "保留");

        assertThatThrownBy(() -> workflow.correction(draft, content(""), OFFICE))
                .isInstanceOf(BulletinConflict.class);
        Bulletin redrafted = workflow.redraft(draft, new BulletinDrafter().draft(
                DemoCountyAccess.inputs()), OFFICE);
        assertThat(redrafted.narrative()).isEqualTo("保留");
        assertThat(redrafted.content().overview().expected()).isEqualTo(55);
    }
}
