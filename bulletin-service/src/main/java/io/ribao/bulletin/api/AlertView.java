package io.ribao.bulletin.api;

import java.util.List;
import java.util.Map;

/** An alert as {@code GET /api/v1/alerts} lists it. */
public record AlertView(String alertId, String type, String unitId, String date, String severity, String raisedAt,
                        String message, Map<String, String> evidence, List<String> recipients,
                        String acknowledgedAt, String resolvedAt) {
}
