package dev.tessera.desktop.center;

import dev.tessera.contract.aftersales.Adjustment;
import java.time.LocalDate;
import java.time.ZoneId;

/** The center's answers a manager's reports read (docs/openapi.json); unknown fields are ignored. */
public final class ManagerApiTypes {
    private ManagerApiTypes() {}

    /**
     * Which sales: whole days {@code from}..{@code to} (both included) in {@code zone}, and optionally
     * one seller, event and payment method (CASH, CARD, INVOICE). Null means any.
     */
    public record SalesLogQuery(LocalDate from, LocalDate to, ZoneId zone, Long sellerId, Long eventId, String payment) {
        String path() {
            return "/api/sales-log" + parameters(true);
        }

        /** Issue 13: a page of at most {@code limit} sales after the cursor {@code after} (null: the first page). */
        String pagePath(String after, int limit) {
            String query = parameters(true);
            return "/api/sales-log" + (query.isEmpty() ? "?" : query + "&") + "limit=" + limit
                    + (after == null ? "" : "&after=" + java.net.URLEncoder.encode(after, java.nio.charset.StandardCharsets.US_ASCII));
        }

        /** Issue 13: the log's events and sellers. */
        String groupsPath() {
            return "/api/sales-log/groups" + parameters(true);
        }

        /** The same period and payment method, one event and one seller. */
        public SalesLogQuery of(long event, long seller) {
            return new SalesLogQuery(from, to, zone, seller, event, payment);
        }

        /** The voids, refunds and exchanges of the same period (by when they happened), seller and event. */
        /** Issue 13: a page of at most {@code limit} adjustments after {@code last} (null: the first page). */
        String adjustmentsPagePath(Adjustment last, int limit) {
            String query = parameters(false);
            return "/api/sales-log/adjustments" + (query.isEmpty() ? "?" : query + "&") + "limit=" + limit
                    + (last == null ? "" : "&afterAt=" + afterAt(last) + "&afterTicketId="
                    + java.net.URLEncoder.encode(last.ticketId(), java.nio.charset.StandardCharsets.UTF_8));
        }

        /**
         * The last adjustment's instant as the center reads it: {@code Instant.toString} always has the seconds, where
         * {@code OffsetDateTime.toString} leaves out ":00" (an adjustment at 10:00:00 sent as "10:00Z" was refused,
         * and a million-sale log stopped at its second page).
         */
        static String afterAt(Adjustment last) {
            return java.net.URLEncoder.encode(last.at().toInstant().toString(), java.nio.charset.StandardCharsets.UTF_8);
        }

        /** The same seller and event over all dates and payment methods. */
        public SalesLogQuery allDates() {
            return new SalesLogQuery(null, null, zone, sellerId, eventId, null);
        }

        private String parameters(boolean withPayment) {
            StringBuilder query = new StringBuilder();
            if (from != null) {
                query.append("&from=").append(from.atStartOfDay(zone).toInstant());
            }
            if (to != null) {
                query.append("&to=").append(to.plusDays(1).atStartOfDay(zone).toInstant());
            }
            if (sellerId != null) {
                query.append("&sellerId=").append(sellerId);
            }
            if (eventId != null) {
                query.append("&eventId=").append(eventId);
            }
            if (payment != null && withPayment) {
                query.append("&payment=").append(payment);
            }
            return query.isEmpty() ? "" : "?" + query.substring(1);
        }
    }
}
