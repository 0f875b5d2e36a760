package io.ribao.bulletin.workflow;

import io.ribao.bulletin.document.BulletinContent;
import io.ribao.bulletin.document.JsonRenderer;
import io.ribao.kit.i18n.Text;
import io.ribao.schemas.bulletin.BulletinState;
import java.time.Clock;
import java.time.Instant;

/**
 * The bulletin's life: DRAFT (the office may redraft and edit the narrative) → APPROVED (by a director: content
 * frozen with its issue number and hashed) → RELEASED. A correction is a new DRAFT version of an approved or released
 * bulletin, through the same steps. Pure: persistence and roles are the caller's.
 */
public final class BulletinWorkflow {

    private final Clock clock;
    private final JsonRenderer json;

    public BulletinWorkflow(Clock clock, JsonRenderer json) {
        this.clock = clock;
        this.json = json;
    }

    public Bulletin draft(BulletinContent content, Actor by) {
        Instant now = clock.instant();
        return new Bulletin(Bulletin.idOf(content.jurisdictionId(), content.date(), content.version()),
                content.jurisdictionId(), content.date(), content.version(), null, BulletinState.DRAFT,
                content, null, now, by.userId(), null, null, null, null);
    }

    /** Fresh figures for a draft, keeping the narrative the office has written. */
    public Bulletin redraft(Bulletin current, BulletinContent fresh, Actor by) {
        requireDraft(current, Text.of("重新起草", "redrafted"));
        BulletinContent content = fresh.withVersion(current.version()).withNarrative(current.narrative());
        return new Bulletin(current.id(), current.jurisdictionId(), current.day(), current.version(), null,
                BulletinState.DRAFT, content, null, clock.instant(), by.userId(), null, null, null, null);
    }

    public Bulletin editNarrative(Bulletin current, String text) {
        requireDraft(current, Text.of("修改", "edited"));
        return with(current, current.content().withNarrative(text));
    }

    /** Freezes the content with its issue number (第N期) and hashes its canonical JSON. */
    public Bulletin approve(Bulletin current, int issueNo, Actor by) {
        requireApprovable(current);
        BulletinContent frozen = current.content().withIssueNo(issueNo);
        return new Bulletin(current.id(), current.jurisdictionId(), current.day(), current.version(), issueNo,
                BulletinState.APPROVED, frozen, json.sha256(frozen), current.draftedAt(), current.draftedBy(),
                clock.instant(), by.userId(), null, null);
    }

    /** The draft's content as it stands, for a reviewer to name when approving; null once it is not a draft. */
    public String draftSha256(Bulletin b) {
        return b.state() == BulletinState.DRAFT ? json.sha256(b.content()) : null;
    }

    /**
     * Refuses to approve a draft that is not what the director reviewed ({@code reviewedSha256}, as
     * {@link #draftSha256} gave it when the draft was read; null when the caller names none): the day-close redraft
     * at 18:00, the office's redraft and its narrative edits change a draft in place (decision 431).
     */
    public void requireReviewed(Bulletin current, String reviewedSha256) {
        if (reviewedSha256 != null && !reviewedSha256.equals(json.sha256(current.content()))) {
            throw new BulletinConflict("CHANGED_SINCE_REVIEW", Text.of(
                    "专报 " + current.id() + " 在您审阅后已更新，请重新审阅后再审核",
                    "bulletin " + current.id() + " changed after you reviewed it; review it again before approving"));
        }
    }

    /** Refuses before an issue number is taken for a bulletin that is not a draft. */
    public void requireApprovable(Bulletin current) {
        if (current.state() != BulletinState.DRAFT) {
            throw new BulletinConflict("ALREADY_APPROVED", Text.of(
                    "专报 " + current.id() + " 已" + stateOf(current) + "，只有草稿可以审核",
                    "bulletin " + current.id() + " is " + current.state() + "; only a draft can be approved"));
        }
    }

    public Bulletin release(Bulletin current, Actor by) {
        if (current.state() == BulletinState.DRAFT) {
            throw new NotApproved(current.id());
        }
        if (current.state() == BulletinState.RELEASED) {
            throw new BulletinConflict("ALREADY_RELEASED", Text.of("专报 " + current.id() + " 已经发布",
                    "bulletin " + current.id() + " was already released"));
        }
        if (!json.sha256(current.content()).equals(current.contentSha256())) {
            // the frozen content no longer matches what the director approved: never send it out
            throw new IllegalStateException("bulletin " + current.id() + " content differs from its approved hash");
        }
        return new Bulletin(current.id(), current.jurisdictionId(), current.day(), current.version(),
                current.issueNo(), BulletinState.RELEASED, current.content(), current.contentSha256(),
                current.draftedAt(), current.draftedBy(), current.approvedAt(), current.approvedBy(),
                clock.instant(), by.userId());
    }

    /** A correction: the next version, drafted from fresh figures, with the narrative of the one it corrects. */
    public Bulletin correction(Bulletin latest, BulletinContent fresh, Actor by) {
        if (latest.state() == BulletinState.DRAFT) {
            throw new BulletinConflict("DRAFT_EXISTS", Text.of(
                    "专报 " + latest.id() + " 仍是草稿，请直接修改，无需更正",
                    "bulletin " + latest.id() + " is still a draft; edit it instead of correcting it"));
        }
        return draft(fresh.withVersion(latest.version() + 1).withNarrative(latest.narrative()), by);
    }

    private static void requireDraft(Bulletin current, Text what) {
        if (current.state() != BulletinState.DRAFT) {
            throw new BulletinConflict("NOT_DRAFT", Text.of(
                    "专报 " + current.id() + " 已" + stateOf(current) + "，只有草稿可以" + what.chinese()
                            + "（更正请另起新版本）",
                    "bulletin " + current.id() + " is " + current.state() + "; only a draft can be " + what.english()
                            + " (a correction is a new version)"));
        }
    }

    /** 审核 or 发布, as a refusal names a bulletin's state after 已. */
    private static String stateOf(Bulletin bulletin) {
        return bulletin.state() == BulletinState.RELEASED ? "发布" : "审核";
    }

    private static Bulletin with(Bulletin b, BulletinContent content) {
        return new Bulletin(b.id(), b.jurisdictionId(), b.day(), b.version(), b.issueNo(), b.state(), content,
                b.contentSha256(), b.draftedAt(), b.draftedBy(), b.approvedAt(), b.approvedBy(), b.releasedAt(),
                b.releasedBy());
    }
}
