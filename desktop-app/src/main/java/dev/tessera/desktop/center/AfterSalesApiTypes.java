package dev.tessera.desktop.center;

import dev.tessera.desktop.center.CounterApiTypes.Payment;
import dev.tessera.desktop.center.CounterApiTypes.SaleResult;
import dev.tessera.desktop.center.CounterApiTypes.Voided;
import java.time.Instant;
import java.util.List;

/** The center's JSON for after-sales at the counter: lookup, refund, exchange, reprint, audit list. */
public final class AfterSalesApiTypes {
    private AfterSalesApiTypes() {}

    /** status: VALID, USED, VOID or TRANSFERRED. */
    public record TicketView(String ticketId, int version, String seatId, String categoryId, String gateId,
                             long priceMinor, String attendee, String holderChipId, String status, int reprints,
                             String encoded) {}

    public record SaleView(long saleId, long eventId, long sellerId, String sellerName, Instant soldAt,
                           String paymentMethod, String paymentReference, long totalMinor, String currency,
                           String customerAuth, String customerName, String chipId, List<TicketView> tickets) {
        public SaleView {
            tickets = tickets == null ? List.of() : List.copyOf(tickets);
        }
    }

    /** Issue 17: GET /api/events/{eventId}/tax, the rate of each price category and the invoice issuer. */
    public record EventTax(long eventId, String country, String issuerName, String registrationNumber,
                           boolean qualifiedInvoice, List<CategoryRate> rates) {
        public EventTax {
            rates = rates == null ? List.of() : List.copyOf(rates);
        }

        /** The rate of a category in basis points (1000 = 10 %), 0 for one the center named no rate for. */
        public int rateOf(String categoryId) {
            return rates.stream().filter(r -> r.categoryId().equals(categoryId)).findFirst()
                    .map(CategoryRate::rateBasisPoints).orElse(0);
        }
    }

    public record CategoryRate(String categoryId, int rateBasisPoints) {}

    /**
     * Issue 17: POST /api/events/{eventId}/tax. A null country keeps the event's; the rates named replace those
     * categories' rates; a blank registration number means none.
     */
    public record SetEventTax(String country, String issuerName, String registrationNumber, List<CategoryRate> rates) {}

    public record RefundTicket(String reason, boolean refund, String refundMethod, String refundReference) {}

    public record Exchange(List<String> ticketIds, long holdId, String reason, Payment payment) {}

    public record ExchangeResult(long exchangeId, List<Voided> returned, SaleResult sale, long returnedMinor,
                                 long newMinor, long differenceMinor) {
        public ExchangeResult {
            returned = returned == null ? List.of() : List.copyOf(returned);
        }
    }

    public record Reprint(String reason, boolean reissue) {}

    public record Reprinted(String ticketId, int reprintNo, int version, boolean reissued, String encoded) {}

    /** kind: VOID, REFUND, EXCHANGE, REPRINT or REISSUE. */
    public record Adjustment(String kind, Instant at, long eventId, long saleId, Long newSaleId, String ticketId,
                             String seatId, long byId, String byName, String reason, long amountMinor, String method,
                             String reference) {}

    public record Venue(long id, String name, String address, int latestSeatMapVersion) {}
}
