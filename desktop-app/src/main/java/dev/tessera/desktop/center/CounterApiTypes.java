package dev.tessera.desktop.center;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The center's JSON for terminals, sales, chips and transfers (docs/openapi.json, docs/terminal-sync.md). */
public final class CounterApiTypes {
    private CounterApiTypes() {}

    public record RegisterTerminal(String terminalId, String publicKey) {}

    public record TerminalRegistration(String terminalId, long sellerId, String keyId, String publicKey,
                                       String certificate, String centerKeyId, long lastSequence) {}

    public record JournalEntry(long sequence, String kind, Instant at, String payload, String previousHash,
                               String hash) {}

    public record JournalPush(List<JournalEntry> entries) {}

    public record JournalOutcome(long sequence, String outcome, String detail) {}

    public record JournalPushResult(String terminalId, long acknowledged, List<JournalOutcome> outcomes) {
        public JournalPushResult {
            outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
        }
    }

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

    public record ConfirmSale(long holdId, Customer customer, Payment payment, List<String> attendees) {}

    /** generalAdmission: seatId names a standing area; the ticket admits one person to it (issue 18). */
    public record IssuedTicket(String ticketId, int version, String seatId, String categoryId, String gateId,
                               long priceMinor, String attendee, String holderChipId, String encoded,
                               String envelope, boolean generalAdmission) {
        public IssuedTicket(String ticketId, int version, String seatId, String categoryId, String gateId,
                            long priceMinor, String attendee, String holderChipId, String encoded, String envelope) {
            this(ticketId, version, seatId, categoryId, gateId, priceMinor, attendee, holderChipId, encoded, envelope,
                    false);
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

    public record RegisterMember(String loginId, String password, String displayName) {}

    /** POST /api/chip-sessions: the relayed AUTH INIT and the entitlement it claims (saleId, transferId, eventId). */
    public record ChipSessionRequest(String chipId, String keyRef, String purpose, Long saleId, Long transferId,
                                     Long eventId, String hostChallenge, String cardAnswer, String terminalId) {
        public ChipSessionRequest(String chipId, String keyRef, String purpose, Long saleId, Long transferId,
                                  Long eventId, String hostChallenge, String cardAnswer) {
            this(chipId, keyRef, purpose, saleId, transferId, eventId, hostChallenge, cardAnswer, null);
        }

        /** The same request, naming the terminal that relays it (the key-use audit keeps it). */
        public ChipSessionRequest atTerminal(String terminal) {
            return new ChipSessionRequest(chipId, keyRef, purpose, saleId, transferId, eventId, hostChallenge,
                    cardAnswer, terminal);
        }
    }

    /** This one session's host cryptogram and MAC key; never a static key. */
    public record ChipSessionGrant(long useId, String chipId, String keyRef, String purpose, String hostCryptogram,
                                   String sessionKey, List<String> allowed) {
        @Override
        public String toString() {
            return "ChipSessionGrant[" + chipId + ", " + purpose + ", keys not shown]";
        }
    }

    public record PersonalizationRequest(Long memberId, String terminalId) {}

    /** A blank card's PERSONALIZE data: sent to the card once, never stored. */
    public record Personalization(String chipId, String accessKey, String gateKey) {
        @Override
        public String toString() {
            return "Personalization[" + chipId + ", keys not shown]";
        }
    }

    public record RegisterChip(String chipId, String publicKey, Long memberId) {}

    public record Chip(String chipId, String publicKey, Long memberId, String status) {}

    public record ChipPackage(String chipId, List<IssuedTicket> tickets) {
        public ChipPackage {
            tickets = tickets == null ? List.of() : List.copyOf(tickets);
        }
    }

    public record StartTransfer(String ticketId, String toChipId, String transferPassword) {}

    public record Transfer(long transferId, String ticketId, int fromVersion, String fromChipId, String toChipId,
                           String status, java.time.OffsetDateTime expiresAt) {}

    public record AcceptTransfer(String transferPassword) {}

    public record TransferResult(long transferId, IssuedTicket ticket, String revokedTicketId, Integer revokedVersion,
                                 String deleteFromChipId) {}
}
