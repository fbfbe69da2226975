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
                           String customerAuth, String customerName, dev.tessera.contract.sales.Contact contact,
                           String chipId, List<TicketView> tickets) {
        public SaleView {
            tickets = tickets == null ? List.of() : List.copyOf(tickets);
            contact = contact == null ? dev.tessera.contract.sales.Contact.NONE : contact;
        }
    }

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
