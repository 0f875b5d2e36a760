package io.ribao.ingest.api;

import java.util.List;

/** Who the caller is, what unit and form they report for, and the day's deadlines (for the web form). */
public record MeView(String userId, String name, String role, String unitId, String unitName, String unitKind,
                     String formId, String jurisdictionId, String jurisdictionName, String timezone, String today,
                     String submissionDeadline, String bulletinDeadline, int amendDays, boolean signsOwnReports,
                     List<String> delegateDates) {
}
