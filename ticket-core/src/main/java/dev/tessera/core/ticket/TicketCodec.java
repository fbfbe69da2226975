package dev.tessera.core.ticket;

import dev.tessera.core.crypto.IssuerKeyPair;
import dev.tessera.core.crypto.IssuerPublicKey;
import dev.tessera.core.format.TicketFormatException;
import dev.tessera.core.format.TicketFormatException.Reason;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The signed binary ticket written to chips and printed as codes (claims 29 j, 67 c), specified in
 * docs/ticket-format.md. Big-endian; an Ed25519 signature covers every byte before it.
 */
public final class TicketCodec {

    /** Fits one short-APDU chip write with room to spare, and a QR code a phone camera reads at a gate. */
    public static final int MAX_ENCODED_LENGTH = 512;
    public static final int FORMAT_VERSION = 0x01;
    static final int FLAG_HOLDER_CHIP = 0x01;
    /** The seat id field names a general-admission area (issue 18). */
    static final int FLAG_GENERAL_ADMISSION = 0x02;

    private static final byte MAGIC_0 = 'T';
    private static final byte MAGIC_1 = 'K';
    private static final int TICKET_ID_LENGTH = 16;
    private static final int CURRENCY_LENGTH = 3;
    private static final HexFormat HEX = HexFormat.of();

    private TicketCodec() {
    }

    /**
     * @throws IllegalArgumentException if the ticket would encode to more than {@link #MAX_ENCODED_LENGTH} bytes
     */
    public static byte[] encodeSigned(Ticket ticket, IssuerKeyPair issuer) {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(issuer, "issuer");
        byte[] signedPart = signedPart(ticket, issuer.publicKey().keyId());
        int length = signedPart.length + IssuerPublicKey.SIGNATURE_LENGTH;
        if (length > MAX_ENCODED_LENGTH) {
            throw new IllegalArgumentException("ticket %s encodes to %d bytes, more than the limit of %d"
                    .formatted(ticket.ticketId(), length, MAX_ENCODED_LENGTH));
        }
        return new WireWriter().bytes(signedPart).bytes(issuer.sign(signedPart)).toByteArray();
    }

    /** The length {@link #encodeSigned} would produce, so a caller can check a ticket fits before signing it. */
    public static int encodedLength(Ticket ticket) {
        return body(Objects.requireNonNull(ticket, "ticket")).length()
                + IssuerPublicKey.KEY_ID_LENGTH + IssuerPublicKey.SIGNATURE_LENGTH;
    }

    /**
     * Parses without checking the signature: for display and diagnostics, never for admission.
     *
     * @throws TicketFormatException for any input that is not exactly one well-formed ticket
     */
    public static SignedTicket decode(byte[] encoded) throws TicketFormatException {
        Objects.requireNonNull(encoded, "encoded");
        if (encoded.length > MAX_ENCODED_LENGTH) {
            throw new TicketFormatException(Reason.OVERSIZED,
                    "ticket is %d bytes, more than the limit of %d".formatted(encoded.length, MAX_ENCODED_LENGTH));
        }
        if ((encoded.length > 0 && encoded[0] != MAGIC_0) || (encoded.length > 1 && encoded[1] != MAGIC_1)) {
            throw new TicketFormatException(Reason.BAD_MAGIC, "not a Tessera ticket: it does not start with 'TK'");
        }
        WireReader in = new WireReader(encoded);
        in.bytes(2, "magic");
        int formatVersion = in.u8("format version");
        if (formatVersion != FORMAT_VERSION) {
            throw new TicketFormatException(Reason.UNSUPPORTED_VERSION,
                    "ticket format version %d is not supported (expected %d)".formatted(formatVersion, FORMAT_VERSION));
        }
        int flags = in.u8("flags");
        if ((flags & ~(FLAG_HOLDER_CHIP | FLAG_GENERAL_ADMISSION)) != 0) {
            throw new TicketFormatException(Reason.MALFORMED, "reserved flag bits are set: 0x%02x".formatted(flags));
        }
        UUID ticketId = new UUID(in.u64("ticket id"), in.u64("ticket id"));
        int version = in.u16("version");
        long eventId = in.u64("event id");
        long validFrom = in.u32("valid-from");
        long validUntil = in.u32("valid-until");
        long priceMinor = in.u32("price");
        String currency = currency(in.bytes(CURRENCY_LENGTH, "currency"));
        String seatId = in.shortUtf8("seat id");
        String categoryId = in.shortUtf8("category id");
        String gateId = in.shortUtf8("gate id");
        String holderChipId = (flags & FLAG_HOLDER_CHIP) != 0 ? holderChipId(in) : Ticket.PAPER;
        List<String> attendees = attendees(in);
        byte[] issuerKeyId = in.bytes(IssuerPublicKey.KEY_ID_LENGTH, "issuer key id");
        byte[] signature = in.bytes(IssuerPublicKey.SIGNATURE_LENGTH, "signature");
        if (in.remaining() > 0) {
            throw new TicketFormatException(Reason.TRAILING_BYTES,
                    "%d bytes follow the signature".formatted(in.remaining()));
        }
        Ticket ticket;
        try {
            ticket = new Ticket(ticketId, version, eventId, seatId, categoryId, gateId,
                    Instant.ofEpochSecond(validFrom), Instant.ofEpochSecond(validUntil),
                    holderChipId, attendees, priceMinor, currency, (flags & FLAG_GENERAL_ADMISSION) != 0);
        } catch (IllegalArgumentException e) {
            throw new TicketFormatException(Reason.MALFORMED, "ticket breaks a field rule: " + e.getMessage(), e);
        }
        return new SignedTicket(ticket, issuerKeyId, signature, encoded);
    }

    /**
     * Parses, finds the issuer's key by the embedded key id and checks the signature.
     *
     * @throws TicketFormatException as {@link #decode}, or UNKNOWN_ISSUER, or BAD_SIGNATURE
     */
    public static SignedTicket decodeAndVerify(byte[] encoded, IssuerKeyResolver issuers) throws TicketFormatException {
        Objects.requireNonNull(issuers, "issuers");
        SignedTicket signed = decode(encoded);
        byte[] keyId = signed.issuerKeyId();
        IssuerPublicKey issuer = issuers.find(keyId.clone())
                .filter(key -> Arrays.equals(key.keyId(), keyId))
                .orElseThrow(() -> new TicketFormatException(Reason.UNKNOWN_ISSUER,
                        "ticket is signed by key %s, which is not a trusted issuer".formatted(HEX.formatHex(keyId))));
        byte[] signedPart = Arrays.copyOf(encoded, encoded.length - IssuerPublicKey.SIGNATURE_LENGTH);
        if (!issuer.verify(signedPart, signed.signature())) {
            throw new TicketFormatException(Reason.BAD_SIGNATURE,
                    "ticket signature does not verify under issuer key " + issuer.keyIdHex());
        }
        return signed;
    }

    /** Every byte the signature covers: the ticket fields and the issuer key id. */
    static byte[] signedPart(Ticket ticket, byte[] issuerKeyId) {
        return body(ticket).bytes(issuerKeyId).toByteArray();
    }

    private static WireWriter body(Ticket ticket) {
        WireWriter out = new WireWriter()
                .u8(MAGIC_0).u8(MAGIC_1)
                .u8(FORMAT_VERSION)
                .u8((ticket.isPaper() ? 0 : FLAG_HOLDER_CHIP) | (ticket.generalAdmission() ? FLAG_GENERAL_ADMISSION : 0))
                .u64(ticket.ticketId().getMostSignificantBits())
                .u64(ticket.ticketId().getLeastSignificantBits())
                .u16(ticket.version())
                .u64(ticket.eventId())
                .u32(ticket.validFrom().getEpochSecond())
                .u32(ticket.validUntil().getEpochSecond())
                .u32(ticket.priceMinor())
                .bytes(ticket.currency().getBytes(StandardCharsets.US_ASCII))
                .shortBytes(utf8(ticket.seatId()))
                .shortBytes(utf8(ticket.categoryId()))
                .shortBytes(utf8(ticket.gateId()));
        if (!ticket.isPaper()) {
            out.shortBytes(HEX.parseHex(ticket.holderChipId()));
        }
        out.u8(ticket.attendees().size());
        ticket.attendees().forEach(name -> out.shortBytes(utf8(name)));
        return out;
    }

    private static String currency(byte[] bytes) throws TicketFormatException {
        for (byte b : bytes) {
            if (b < 'A' || b > 'Z') {
                throw new TicketFormatException(Reason.MALFORMED, "currency is not 3 uppercase ASCII letters");
            }
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    private static String holderChipId(WireReader in) throws TicketFormatException {
        int length = in.u8("holder chip id length");
        if (length < Ticket.MIN_HOLDER_CHIP_ID_BYTES || length > Ticket.MAX_HOLDER_CHIP_ID_BYTES) {
            throw new TicketFormatException(Reason.MALFORMED, "holder chip id must be %d..%d bytes, is %d"
                    .formatted(Ticket.MIN_HOLDER_CHIP_ID_BYTES, Ticket.MAX_HOLDER_CHIP_ID_BYTES, length));
        }
        return HEX.formatHex(in.bytes(length, "holder chip id"));
    }

    private static List<String> attendees(WireReader in) throws TicketFormatException {
        int count = in.u8("attendee count");
        if (count > Ticket.MAX_ATTENDEES) {
            throw new TicketFormatException(Reason.MALFORMED,
                    "%d attendees, at most %d allowed".formatted(count, Ticket.MAX_ATTENDEES));
        }
        List<String> attendees = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            attendees.add(in.shortUtf8("attendee " + (i + 1)));
        }
        return attendees;
    }

    private static byte[] utf8(String validated) {
        try {
            return StrictUtf8.encode(validated);
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("Ticket admitted a string that is not well-formed Unicode", e);
        }
    }
}
