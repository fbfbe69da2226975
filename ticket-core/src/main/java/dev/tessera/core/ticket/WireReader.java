package dev.tessera.core.ticket;

import dev.tessera.core.format.TicketFormatException;
import dev.tessera.core.format.TicketFormatException.Reason;
import java.nio.charset.CharacterCodingException;
import java.util.Arrays;

/** Big-endian reads that turn every short read into TRUNCATED, never an index exception. */
final class WireReader {

    private final byte[] input;
    private int position;

    WireReader(byte[] input) {
        this.input = input;
    }

    int position() {
        return position;
    }

    int remaining() {
        return input.length - position;
    }

    int u8(String field) throws TicketFormatException {
        require(1, field);
        return input[position++] & 0xFF;
    }

    int u16(String field) throws TicketFormatException {
        return (int) unsigned(2, field);
    }

    long u32(String field) throws TicketFormatException {
        return unsigned(4, field);
    }

    /** The eight bytes as a signed long; the caller decides what the top bit means. */
    long u64(String field) throws TicketFormatException {
        return unsigned(8, field);
    }

    byte[] bytes(int length, String field) throws TicketFormatException {
        require(length, field);
        byte[] bytes = Arrays.copyOfRange(input, position, position + length);
        position += length;
        return bytes;
    }

    /** A u8 length, then that many bytes of strict UTF-8. */
    String shortUtf8(String field) throws TicketFormatException {
        int length = u8(field + " length");
        require(length, field);
        int start = position;
        position += length;
        try {
            return StrictUtf8.decode(input, start, length);
        } catch (CharacterCodingException e) {
            throw new TicketFormatException(Reason.MALFORMED, "%s at offset %d is not valid UTF-8".formatted(field, start), e);
        }
    }

    private long unsigned(int length, String field) throws TicketFormatException {
        require(length, field);
        long value = 0;
        for (int i = 0; i < length; i++) {
            value = (value << Byte.SIZE) | (input[position++] & 0xFF);
        }
        return value;
    }

    private void require(int length, String field) throws TicketFormatException {
        if (remaining() < length) {
            throw new TicketFormatException(Reason.TRUNCATED,
                    "ticket truncated: %s at offset %d needs %d bytes, only %d left"
                            .formatted(field, position, length, remaining()));
        }
    }
}
