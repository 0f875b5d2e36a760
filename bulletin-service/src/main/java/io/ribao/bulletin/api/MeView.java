package io.ribao.bulletin.api;

/**
 * Who the bearer is, as report-ingest's {@code /api/v1/me} names it: the dashboard shows only the actions the role
 * may take. {@code unitId}, {@code jurisdictionName} and {@code timezone} are null where the roster gives none.
 */
public record MeView(String userId, String name, String role, String unitId, String jurisdictionId,
                     String jurisdictionName, String timezone) {
}
