package dev.tessera.reader.wallet;

import java.util.Objects;
import java.util.UUID;

/**
 * A ticket to write to a chip: its id and version in the clear (so LIST works without the chip key) and the chip
 * envelope that only the holder chip can open (docs/ticket-format.md §7).
 */
public record ChipTicket(UUID ticketId, int version, byte[] envelope) {

    public ChipTicket {
        Objects.requireNonNull(ticketId, "ticketId");
        envelope = Objects.requireNonNull(envelope, "envelope").clone();
        if (version < 1 || version > 0xFFFF) {
            throw new IllegalArgumentException("version must be 1..65535, was " + version);
        }
    }

    @Override
    public byte[] envelope() {
        return envelope.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChipTicket t && ticketId.equals(t.ticketId) && version == t.version
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
