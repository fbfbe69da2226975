package dev.tessera.desktop.center;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import dev.tessera.contract.sales.IssuedTicket;
import dev.tessera.contract.terminal.JournalEntry;
import dev.tessera.contract.terminal.JournalOutcome;

/** The center's JSON for terminals, sales, chips and transfers (docs/openapi.json, docs/terminal-sync.md). */
public final class CounterApiTypes {
    private CounterApiTypes() {}

    /** allocatedAreas: standing places set aside for this seller's offline counter per area id (issue 18). */
    public record SellerAuthorization(long eventId, long sellerId, String sellerName, Map<String, Integer> quotas,
                                      List<String> allocatedSeats, Map<String, Integer> allocatedAreas,
                                      Map<String, Integer> allocatedAreasSold) {
        public SellerAuthorization {
            quotas = quotas == null ? Map.of() : Map.copyOf(quotas);
            allocatedSeats = allocatedSeats == null ? List.of() : List.copyOf(allocatedSeats);
            allocatedAreas = allocatedAreas == null ? Map.of() : Map.copyOf(allocatedAreas);
            allocatedAreasSold = allocatedAreasSold == null ? Map.of() : Map.copyOf(allocatedAreasSold);
        }

        public SellerAuthorization(long eventId, long sellerId, String sellerName, Map<String, Integer> quotas,
                                   List<String> allocatedSeats) {
            this(eventId, sellerId, sellerName, quotas, allocatedSeats, Map.of(), Map.of());
        }

        /** The places of a standing area this seller's offline counter may still sell. */
        public int allocatedPlacesLeft(String areaId) {
            return allocatedAreas.getOrDefault(areaId, 0) - allocatedAreasSold.getOrDefault(areaId, 0);
        }
    }

    public record BestAvailable(int count, String categoryId) {}

    public record BestAvailableRequest(BestAvailable bestAvailable) {}

    /** MEMBER_CARD carries the card's proof: a center challenge and the card's INTERNAL AUTHENTICATE signature (hex DER). */
    public record Customer(String auth, String memberLogin, String memberPassword, String chipId, String challengeId,
                           String signature) {
        public Customer(String auth, String memberLogin, String memberPassword, String chipId) {
            this(auth, memberLogin, memberPassword, chipId, null, null);
        }
    }

    /** Issue 15: a fresh single-use challenge (hex, 32 bytes) for a member card to sign, valid until expiresAt. */
    public record ChipChallenge(String challengeId, String challenge, Instant expiresAt) {}

    public record Payment(String method, String reference, Long tenderedMinor) {}

    /** contact: how the customer can be reached, as given at the counter; null when none was given (issue 17). */
    public record ConfirmSale(long holdId, Customer customer, Payment payment, List<String> attendees,
                              dev.tessera.contract.sales.Contact contact) {
        public ConfirmSale(long holdId, Customer customer, Payment payment, List<String> attendees) {
            this(holdId, customer, payment, attendees, null);
        }
    }

    /** issuingInfoId: the center's issuing information of the sale; null for a sale the counter rebuilt itself. */
    public record SaleResult(long saleId, Long issuingInfoId, long eventId, long holdId, String paymentMethod, long totalMinor,
                             String currency, Long changeMinor, List<IssuedTicket> tickets) {
        public SaleResult {
            tickets = tickets == null ? List.of() : List.copyOf(tickets);
        }
    }

    public record VoidTicket(String reason, boolean refund) {}

    /** {@code refundId}: the refund's number (credit note CN-{refundId}, issue 17), null for a void without one. */
    public record Voided(String ticketId, int version, long saleId, Long refundMinor, String reason, Long refundId) {}

    /** The counter's view of a log line: the fields it shows; the names it leaves to the manager are listed. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties({"eventName", "sellerName", "status", "refundMinor",
            "taxRateBasisPoints"})
    public record SalesLogLine(long saleId, Instant soldAt, long eventId, long sellerId, String ticketId,
                               String seatId, String categoryId, long priceMinor, String currency,
                               String paymentMethod) {}

    /** The lines and totals; the center's breakdowns (by seller, event, day, category, payment) are not read here. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties({"filter", "bySeller", "byEvent", "byDay", "byCategory", "byPayment",
            "byRate"})
    public record SalesLog(List<SalesLogLine> lines, int tickets, long totalMinor, String next) {
        public SalesLog {
            lines = lines == null ? List.of() : List.copyOf(lines);
        }
    }

    public record Transfer(long transferId, String ticketId, int fromVersion, String fromChipId, String toChipId,
                           String status, java.time.OffsetDateTime expiresAt) {}

    public record TransferResult(long transferId, IssuedTicket ticket, String revokedTicketId, Integer revokedVersion,
                                 String deleteFromChipId) {}
}
