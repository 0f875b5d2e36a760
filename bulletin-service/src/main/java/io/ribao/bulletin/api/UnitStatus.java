package io.ribao.bulletin.api;

/** One unit's status on the board. */
public record UnitStatus(String unitId, String name, String status, String submittedAt, String signedAt,
                         Integer revision) {
}
