package io.ribao.bulletin.api;

/** One line of the accountability ledger (问责台账). */
public record LedgerLine(String unitId, String name, String principal, long late, long missing, long unsigned,
                         long concealmentSuspected) {
}
