package dev.tessera.reader.wallet;

import java.util.Objects;
import java.util.UUID;

/**
 * A ticket to write to a chip: its id, version and event in the chip's directory (a gate session sees only its own
 * event's tickets, docs/card-protocol.md §4.8) and the chip envelope that only the holder chip can open
 * (docs/ticket-format.md §7).
 */
public record ChipTicket(UUID ticketId, int version, long eventId, byte[] envelope) {

    public ChipTicket {
        Objects.requireNonNull(ticketId, "ticketId");
        envelope = Objects.requireNonNull(envelope, "envelope").clone();
        if (version < 1 || version > 0xFFFF) {
            throw new IllegalArgumentException("version must be 1..65535, was " + version);
        }
    }

    /** From the signed ticket as the center issues it: the event id is read from its bytes (not verified here). */
    public static ChipTicket of(UUID ticketId, int version, byte[] signedTicket, byte[] envelope) {
        try {
            return new ChipTicket(ticketId, version, dev.tessera.core.ticket.TicketCodec.decode(signedTicket).ticket().eventId(),
                    envelope);
        } catch (dev.tessera.core.format.TicketFormatException e) {
            throw new IllegalArgumentException("the signed ticket " + ticketId + " cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] envelope() {
        return envelope.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChipTicket t && ticketId.equals(t.ticketId) && version == t.version && eventId == t.eventId
                && java.util.Arrays.equals(envelope, t.envelope);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ticketId, version);
    }

    @Override
    public String toString() {
        return "ChipTicket[" + ticketId + " v" + version + ", " + envelope.length + " bytes]";
    }
}
