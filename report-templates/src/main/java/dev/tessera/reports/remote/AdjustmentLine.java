package dev.tessera.reports.remote;

import java.time.Instant;

/**
 * One entry of the center's after-sales log ({@code GET /api/sales-log/adjustments}) as a client reads it:
 * {@code kind} VOID, REFUND, EXCHANGE, REPRINT or REISSUE, when it happened, the ticket, and {@code method}
 * the refund went back by (CASH or CARD; null for a void without refund or a reprint).
 */
public record AdjustmentLine(String kind, Instant at, long saleId, String ticketId, String method) {
    /** Whether the entry takes a ticket back (a void, a refund, or the returned ticket of an exchange). */
    public boolean voidsTicket() {
        return "VOID".equals(kind) || "REFUND".equals(kind) || "EXCHANGE".equals(kind);
    }
}
