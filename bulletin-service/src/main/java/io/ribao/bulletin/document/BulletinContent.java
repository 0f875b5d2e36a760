package io.ribao.bulletin.document;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The bulletin (专报) as data: everything every format renders, and what is frozen and hashed at approval.
 * Sections follow the official outline: 一 overview, 二 key figures, 三 tables by unit kind, 四 findings,
 * 五 notices (named units), 六 the office's next steps, then 报/送 recipients.
 */
public record BulletinContent(
        String jurisdictionId,
        String jurisdictionName,
        String office,
        LocalDate date,
        int version,
        Integer issueNo,
        Overview overview,
        List<KeyFigure> keyFigures,
        List<UnitTable> unitTables,
        List<FindingLine> findings,
        Notices notices,
        String narrative,
        List<String> reportTo,
        List<String> sendTo) {

    public BulletinContent {
        Objects.requireNonNull(jurisdictionId, "jurisdictionId");
        Objects.requireNonNull(date, "date");
        keyFigures = List.copyOf(keyFigures);
        unitTables = List.copyOf(unitTables);
        findings = List.copyOf(findings);
        narrative = narrative == null ? "" : narrative;
        reportTo = List.copyOf(reportTo);
        sendTo = List.copyOf(sendTo);
    }

    /** The same content with the issue number assigned at approval. */
    public BulletinContent withIssueNo(int number) {
        return new BulletinContent(jurisdictionId, jurisdictionName, office, date, version, number, overview,
                keyFigures, unitTables, findings, notices, narrative, reportTo, sendTo);
    }

    /** The same content with the office's narrative (六、下步工作) replaced. */
    public BulletinContent withNarrative(String text) {
        return new BulletinContent(jurisdictionId, jurisdictionName, office, date, version, issueNo, overview,
                keyFigures, unitTables, findings, notices, text, reportTo, sendTo);
    }

    /** The same content as another version of the day's bulletin (a correction). */
    public BulletinContent withVersion(int newVersion) {
        return new BulletinContent(jurisdictionId, jurisdictionName, office, date, newVersion, null, overview,
                keyFigures, unitTables, findings, notices, narrative, reportTo, sendTo);
    }
}
