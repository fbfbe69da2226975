package dev.tessera.reports.ticket;

import java.util.Objects;

/**
 * What a paper ticket shows (claim 20 with the service information of claim 71) and the signed
 * ticket, base64 as the center issued it; its QR code carries it as a paper code, so a gate verifies it offline.
 */
public record PaperTicketData(String eventName, String servicer, String venueName, String venueAddress,
                              String doorsOpen, String startsAt, String section, String row, String seat,
                              String category, String gate, String attendee, String seller, String contact,
                              String price, String ticketId, String signedTicketBase64) {
    public PaperTicketData {
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(signedTicketBase64, "signedTicketBase64");
    }
}
