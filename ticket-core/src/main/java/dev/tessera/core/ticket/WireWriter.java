package dev.tessera.core.ticket;

import java.io.ByteArrayOutputStream;

/** Big-endian writes for values the caller has already range-checked. */
final class WireWriter {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream(TicketCodec.MAX_ENCODED_LENGTH);

    WireWriter u8(int value) {
        output.write(value);
        return this;
    }

    WireWriter u16(int value) {
        return unsigned(value, 2);
    }

    WireWriter u32(long value) {
        return unsigned(value, 4);
    }

    WireWriter u64(long value) {
        return unsigned(value, 8);
    }

    WireWriter bytes(byte[] bytes) {
        output.writeBytes(bytes);
        return this;
    }

    /** A u8 length, then the bytes. */
    WireWriter shortBytes(byte[] bytes) {
        return u8(bytes.length).bytes(bytes);
    }

    int length() {
        return output.size();
    }

    byte[] toByteArray() {
        return output.toByteArray();
    }

    private WireWriter unsigned(long value, int length) {
        for (int shift = (length - 1) * Byte.SIZE; shift >= 0; shift -= Byte.SIZE) {
            output.write((int) (value >>> shift));
        }
        return this;
    }
}
