package io.ribao.bulletin.workflow;

/** Body of {@code PUT /api/v1/bulletins/{id}/narrative}: the office's text for 六、下步工作. */
public record NarrativeEdit(String text) {

    /** Bounded so a bulletin stays a bulletin (about ten pages of 3号 text). */
    public static final int MAX_LENGTH = 10_000;
}
