package dev.tessera.contract.sales;

/** {@code generalAdmission}: {@code seatId} names a standing area, the ticket admits one person to it (issue 18). */
public record IssuedTicket(String ticketId, int version, String seatId, String categoryId, String gateId,
                           long priceMinor, String attendee, String holderChipId, String encoded, String envelope,
                           boolean generalAdmission) {
    public IssuedTicket(String ticketId, int version, String seatId, String categoryId, String gateId,
                        long priceMinor, String attendee, String holderChipId, String encoded, String envelope) {
        this(ticketId, version, seatId, categoryId, gateId, priceMinor, attendee, holderChipId, encoded, envelope,
                false);
    }
}
