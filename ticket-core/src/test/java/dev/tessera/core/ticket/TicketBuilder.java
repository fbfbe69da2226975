package dev.tessera.core.ticket;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A valid chip ticket to start from; each test changes the one field it is about. */
final class TicketBuilder {

    UUID ticketId = UUID.fromString("6f1c2b0e-8a34-4c1d-9b7e-2f5a0c3d4e5f");
    int version = 1;
    long eventId = 4_711L;
    String seatId = "A-12-7";
    String categoryId = "CAT-S";
    String gateId = "north";
    Instant validFrom = Instant.parse("2026-07-01T17:00:00Z");
    Instant validUntil = Instant.parse("2026-07-01T23:30:00Z");
    String holderChipId = "04a1b2c3d4e5f6";
    List<String> attendees = List.of("Hanako Yamada", "Jürgen Weiß");
    long priceMinor = 1_250_000L;
    String currency = "JPY";
    boolean generalAdmission;

    static TicketBuilder aTicket() {
        return new TicketBuilder();
    }

    TicketBuilder ticketId(UUID value) {
        ticketId = value;
        return this;
    }

    TicketBuilder seatId(String value) {
        seatId = value;
        return this;
    }

    TicketBuilder categoryId(String value) {
        categoryId = value;
        return this;
    }

    TicketBuilder gateId(String value) {
        gateId = value;
        return this;
    }

    TicketBuilder version(int value) {
        version = value;
        return this;
    }

    TicketBuilder eventId(long value) {
        eventId = value;
        return this;
    }

    TicketBuilder validFrom(Instant value) {
        validFrom = value;
        return this;
    }

    TicketBuilder validUntil(Instant value) {
        validUntil = value;
        return this;
    }

    TicketBuilder holderChipId(String value) {
        holderChipId = value;
        return this;
    }

    TicketBuilder attendees(List<String> value) {
        attendees = value;
        return this;
    }

    TicketBuilder generalAdmission(boolean value) {
        generalAdmission = value;
        return this;
    }

    TicketBuilder priceMinor(long value) {
        priceMinor = value;
        return this;
    }

    TicketBuilder currency(String value) {
        currency = value;
        return this;
    }

    Ticket build() {
        return new Ticket(ticketId, version, eventId, seatId, categoryId, gateId, validFrom, validUntil,
                holderChipId, attendees, priceMinor, currency, generalAdmission);
    }
}
