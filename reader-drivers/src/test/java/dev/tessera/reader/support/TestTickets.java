package dev.tessera.reader.support;

import dev.tessera.core.crypto.ChipEnvelope;
import dev.tessera.core.crypto.IssuerKeyPair;
import dev.tessera.core.ticket.Ticket;
import dev.tessera.core.ticket.TicketCodec;
import dev.tessera.reader.wallet.ChipInfo;
import dev.tessera.reader.wallet.ChipTicket;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** Signed tickets sealed for a chip, as the center makes them. */
public final class TestTickets {

    public static final IssuerKeyPair ISSUER = IssuerKeyPair.generate(SimTap.RANDOM);

    private TestTickets() {
    }

    public static Ticket ticket(String chipIdHex, long eventId, String gate, Instant from, Instant until, int version) {
        return new Ticket(UUID.randomUUID(), version, eventId, "A-1-" + SimTap.RANDOM.nextInt(1000), "CAT-S", gate,
                from, until, chipIdHex, List.of("Hanako Yamada"), 12_000, "JPY");
    }

    public static Ticket ticketFor(ChipInfo chip) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return ticket(chip.chipIdHex(), 4711, "north", now.minus(1, ChronoUnit.HOURS), now.plus(3, ChronoUnit.HOURS), 1);
    }

    public static ChipTicket sealed(Ticket ticket, IssuerKeyPair issuer, ChipInfo chip) {
        byte[] signed = TicketCodec.encodeSigned(ticket, issuer);
        return seal(ticket.ticketId(), ticket.version(), ticket.eventId(), signed, chip);
    }

    /** @param eventId the event the chip's directory files the ticket under (a gate session sees only its own) */
    public static ChipTicket seal(UUID id, int version, long eventId, byte[] signed, ChipInfo chip) {
        byte[] envelope = ChipEnvelope.seal(signed, chip.publicKey(), HexFormat.of().parseHex(chip.chipIdHex()), SimTap.RANDOM);
        return new ChipTicket(id, version, eventId, envelope);
    }

    public static ChipTicket sealedFor(ChipInfo chip) {
        return sealed(ticketFor(chip), ISSUER, chip);
    }
}
