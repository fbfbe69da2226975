package dev.tessera.core.format;

import java.io.Serial;
import java.util.Objects;

/** Bytes that are not a valid signed ticket or chip envelope; {@link #reason()} says which rule they broke. */
public final class TicketFormatException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** The input ends inside a field. */
        TRUNCATED,
        /** The input is longer than the format allows. */
        OVERSIZED,
        /** The first bytes are not the format's magic. */
        BAD_MAGIC,
        /** A format version this decoder does not know. */
        UNSUPPORTED_VERSION,
        /** A field breaks a rule: reserved bits, lengths, invalid UTF-8, a value out of range, a point off the curve. */
        MALFORMED,
        /** Bytes follow the last field. */
        TRAILING_BYTES,
        /** The signer's key id is not a trusted issuer. */
        UNKNOWN_ISSUER,
        /** The signature does not verify under the issuer's key. */
        BAD_SIGNATURE,
        /** The envelope is for another chip, or was opened with the wrong key, or was altered. */
        DECRYPTION_FAILED
    }

    private final Reason reason;

    public TicketFormatException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public TicketFormatException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
