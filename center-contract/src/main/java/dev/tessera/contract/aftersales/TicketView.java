package dev.tessera.contract.aftersales;

/** A sold ticket as after-sales sees it. */
public record TicketView(String ticketId, int version, String seatId, String categoryId, String gateId,
                         long priceMinor, String attendee, String holderChipId, TicketStatus status, int reprints,
                         String encoded) {}
