package io.ribao.bulletin.workflow;

import java.time.Instant;
import java.time.LocalDate;

/** A {@code bulletins} row as stored: the content as its canonical JSON text. */
public record BulletinRow(
        String id,
        String jurisdictionId,
        LocalDate day,
        int version,
        Integer issueNo,
        Integer issueYear,
        String state,
        String narrative,
        String content,
        String contentSha256,
        Instant draftedAt,
        String draftedBy,
        Instant approvedAt,
        String approvedBy,
        Instant releasedAt,
        String releasedBy) {
}
