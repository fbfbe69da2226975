package dev.tessera.core.ticket;

import java.util.Base64;
import java.util.Objects;

/**
 * The text a paper ticket's QR code carries (docs/ticket-format.md §11): every byte of the signed ticket, since
 * the gate verifies the signature offline, as {@code TK1:} followed by the bytes in Base45 (RFC 9285). All its
 * characters are in the QR alphanumeric set, so the code is a smaller symbol than base64 in byte mode.
 *
 * <p>Gates also accept the plain base64 that tickets printed before the paper code carry; the two forms cannot be
 * confused, because ':' never occurs in base64.
 */
public final class PaperCode {
    /** "TK" like the ticket's magic, 1 the paper-code version; ':' keeps it apart from base64. */
    public static final String PREFIX = "TK1:";
    /** The longest paper code, the one of a ticket at {@link TicketCodec#MAX_ENCODED_LENGTH}. */
    public static final int MAX_LENGTH = PREFIX.length() + Base45.encodedLength(TicketCodec.MAX_ENCODED_LENGTH);

    private PaperCode() {
    }

    /** @throws IllegalArgumentException if the bytes are longer than a signed ticket can be */
    public static String encode(byte[] signedTicket) {
        Objects.requireNonNull(signedTicket, "signedTicket");
        if (signedTicket.length > TicketCodec.MAX_ENCODED_LENGTH) {
            throw new IllegalArgumentException("%d bytes are more than a signed ticket's limit of %d"
                    .formatted(signedTicket.length, TicketCodec.MAX_ENCODED_LENGTH));
        }
        return PREFIX + Base45.encode(signedTicket);
    }

    /**
     * The signed ticket's bytes from a scanned code, a paper code or the older base64; surrounding whitespace (a
     * scanner's Enter or Tab) is ignored, which is safe since a paper code neither starts nor ends with a space.
     * The bytes still have to pass {@link TicketCodec#decodeAndVerify}.
     *
     * @throws IllegalArgumentException if the text is neither form
     */
    public static byte[] decode(String scanned) {
        Objects.requireNonNull(scanned, "scanned");
        String code = scanned.strip();
        if (code.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a code of %d characters is longer than any ticket's (%d)"
                    .formatted(code.length(), MAX_LENGTH));
        }
        if (code.startsWith(PREFIX)) {
            return Base45.decode(code.substring(PREFIX.length()));
        }
        if (code.indexOf(':') >= 0) {
            throw new IllegalArgumentException("not a paper code this gate knows: it does not start with " + PREFIX);
        }
        return Base64.getDecoder().decode(code);
    }
}
