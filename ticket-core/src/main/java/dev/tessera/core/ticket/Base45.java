package dev.tessera.core.ticket;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Base45 (RFC 9285): two bytes to three characters of the QR alphanumeric set, so a QR code carries
 * binary data at 8.25 bits a byte (base64 in byte mode costs 10.67). Strict on decoding: a character
 * outside the alphabet, a dangling single character or a group above its byte range is refused.
 */
final class Base45 {
    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    private static final int BASE = 45;
    private static final int[] VALUE = new int[128];

    static {
        Arrays.fill(VALUE, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            VALUE[ALPHABET.charAt(i)] = i;
        }
    }

    private Base45() {
    }

    static String encode(byte[] data) {
        Objects.requireNonNull(data, "data");
        StringBuilder out = new StringBuilder(encodedLength(data.length));
        int i = 0;
        for (; i + 1 < data.length; i += 2) {
            int n = (data[i] & 0xFF) << 8 | (data[i + 1] & 0xFF);
            out.append(ALPHABET.charAt(n % BASE)).append(ALPHABET.charAt(n / BASE % BASE))
                    .append(ALPHABET.charAt(n / (BASE * BASE)));
        }
        if (i < data.length) {
            int n = data[i] & 0xFF;
            out.append(ALPHABET.charAt(n % BASE)).append(ALPHABET.charAt(n / BASE));
        }
        return out.toString();
    }

    static int encodedLength(int bytes) {
        return bytes / 2 * 3 + bytes % 2 * 2;
    }

    /** @throws IllegalArgumentException for any text that is not the Base45 encoding of some bytes */
    static byte[] decode(CharSequence text) {
        Objects.requireNonNull(text, "text");
        if (text.length() % 3 == 1) {
            throw new IllegalArgumentException("a Base45 text of %d characters leaves one over".formatted(text.length()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() / 3 * 2 + 1);
        for (int i = 0; i < text.length(); i += 3) {
            int c = value(text, i);
            int d = value(text, i + 1);
            if (i + 2 < text.length()) {
                int n = c + d * BASE + value(text, i + 2) * BASE * BASE;
                if (n > 0xFFFF) {
                    throw new IllegalArgumentException("Base45 group at %d is %d, above two bytes".formatted(i, n));
                }
                out.write(n >> 8);
                out.write(n);
            } else {
                int n = c + d * BASE;
                if (n > 0xFF) {
                    throw new IllegalArgumentException("final Base45 pair at %d is %d, above one byte".formatted(i, n));
                }
                out.write(n);
            }
        }
        return out.toByteArray();
    }

    private static int value(CharSequence text, int index) {
        char c = text.charAt(index);
        int v = c < VALUE.length ? VALUE[c] : -1;
        if (v < 0) {
            throw new IllegalArgumentException("'%s' at %d is not a Base45 character".formatted(
                    Character.isISOControl(c) ? "\\u%04x".formatted((int) c) : String.valueOf(c), index));
        }
        return v;
    }
}
