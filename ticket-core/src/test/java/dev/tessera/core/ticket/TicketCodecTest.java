package dev.tessera.core.ticket;

import static dev.tessera.core.ticket.TicketBuilder.aTicket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tessera.core.crypto.IssuerKeyPair;
import dev.tessera.core.crypto.IssuerPublicKey;
import dev.tessera.core.format.TicketFormatException;
import dev.tessera.core.format.TicketFormatException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TicketCodecTest {

    private static final HexFormat HEX = HexFormat.of();
    /** RFC 8032 test 1 secret key: Ed25519 is deterministic, so the golden encoding below is fixed. */
    static final IssuerKeyPair GOLDEN_ISSUER = IssuerKeyPair.fromPrivate(
            HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
    private static final int SIGNATURE = IssuerPublicKey.SIGNATURE_LENGTH;

    private final IssuerKeyPair issuer = IssuerKeyPair.generate(new SecureRandom());
    private final IssuerKeyResolver trusted = IssuerKeyResolver.of(issuer.publicKey());
    private final Ticket ticket = aTicket().build();
    private final byte[] encoded = TicketCodec.encodeSigned(ticket, issuer);

    @Test
    void chipTicketRoundTrips() throws TicketFormatException {
        SignedTicket decoded = TicketCodec.decodeAndVerify(encoded, trusted);

        assertThat(decoded.ticket()).isEqualTo(ticket);
        assertThat(decoded.issuerKeyId()).isEqualTo(issuer.publicKey().keyId());
        assertThat(decoded.issuerKeyIdHex()).isEqualTo(issuer.publicKey().keyIdHex());
        assertThat(decoded.encoded()).isEqualTo(encoded);
        assertThat(decoded.signature()).isEqualTo(Arrays.copyOfRange(encoded, encoded.length - SIGNATURE, encoded.length));
    }

    @Test
    void paperTicketWithoutAttendeesOrGateRoundTrips() throws TicketFormatException {
        Ticket paper = aTicket().holderChipId(Ticket.PAPER).gateId(Ticket.ANY_GATE).attendees(List.of()).build();

        byte[] bytes = TicketCodec.encodeSigned(paper, issuer);

        assertThat(bytes[3]).as("flags").isZero();
        assertThat(TicketCodec.decodeAndVerify(bytes, trusted).ticket()).isEqualTo(paper);
    }

    @Test
    void unicodeAndBoundaryValuesRoundTrip() throws TicketFormatException {
        Ticket edge = aTicket()
                .ticketId(new UUID(-1L, Long.MIN_VALUE))
                .version(Ticket.MAX_VERSION)
                .eventId(Long.MAX_VALUE)
                .seatId("バルコニー 右-1")
                .validFrom(Instant.EPOCH)
                .validUntil(Instant.ofEpochSecond(Ticket.MAX_EPOCH_SECOND))
                .holderChipId("ff".repeat(32))
                .attendees(List.of("山田 花子", "🎭 guest"))
                .priceMinor(Ticket.MAX_PRICE_MINOR)
                .build();

        assertThat(TicketCodec.decodeAndVerify(TicketCodec.encodeSigned(edge, issuer), trusted).ticket()).isEqualTo(edge);
    }

    @Test
    void fixedFieldsSitAtTheDocumentedOffsets() {
        ByteBuffer wire = ByteBuffer.wrap(encoded);

        assertThat(Arrays.copyOf(encoded, 4)).containsExactly('T', 'K', 0x01, 0x01);
        assertThat(new UUID(wire.getLong(4), wire.getLong(12))).isEqualTo(ticket.ticketId());
        assertThat(wire.getShort(20)).isEqualTo((short) ticket.version());
        assertThat(wire.getLong(22)).isEqualTo(ticket.eventId());
        assertThat(Integer.toUnsignedLong(wire.getInt(30))).isEqualTo(ticket.validFrom().getEpochSecond());
        assertThat(Integer.toUnsignedLong(wire.getInt(34))).isEqualTo(ticket.validUntil().getEpochSecond());
        assertThat(Integer.toUnsignedLong(wire.getInt(38))).isEqualTo(ticket.priceMinor());
        assertThat(new String(encoded, 42, 3, StandardCharsets.US_ASCII)).isEqualTo("JPY");
        assertThat(encoded[45]).isEqualTo((byte) 6);
        assertThat(new String(encoded, 46, 6, StandardCharsets.UTF_8)).isEqualTo("A-12-7");
        assertThat(Arrays.copyOfRange(encoded, encoded.length - SIGNATURE - 8, encoded.length - SIGNATURE))
                .isEqualTo(issuer.publicKey().keyId());
        assertThat(encoded).hasSize(TicketCodec.encodedLength(ticket));
    }

    @Test
    void goldenEncodingIsStable() throws TicketFormatException {
        // Pinned so gates and tools written elsewhere can test against it; docs/ticket-format.md shows it too.
        byte[] golden = TicketCodec.encodeSigned(aTicket().build(), GOLDEN_ISSUER);

        assertThat(HEX.formatHex(golden)).isEqualTo(GoldenTicket.HEX);
        assertThat(TicketCodec.decodeAndVerify(golden, IssuerKeyResolver.of(GOLDEN_ISSUER.publicKey())).ticket())
                .isEqualTo(aTicket().build());
    }

    @Test
    void signatureCoversEveryByteBeforeIt() {
        byte[] signedPart = Arrays.copyOf(encoded, encoded.length - SIGNATURE);
        byte[] signature = Arrays.copyOfRange(encoded, encoded.length - SIGNATURE, encoded.length);

        assertThat(issuer.publicKey().verify(signedPart, signature)).isTrue();
    }

    @Test
    void decodeParsesWithoutCheckingTheSignature() throws TicketFormatException {
        byte[] repriced = encoded.clone();
        repriced[41] ^= 0x01;

        assertThat(TicketCodec.decode(repriced).ticket().priceMinor()).isEqualTo(ticket.priceMinor() ^ 1);
        assertReason(() -> TicketCodec.decodeAndVerify(repriced, trusted), Reason.BAD_SIGNATURE);
    }

    @Test
    void tamperedByteIsRejected() {
        for (int i = 0; i < encoded.length; i++) {
            for (int mask : new int[] {0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0xFF}) {
                byte[] tampered = encoded.clone();
                tampered[i] ^= (byte) mask;
                TicketFormatException thrown = catchThrowableOfType(TicketFormatException.class,
                        () -> TicketCodec.decodeAndVerify(tampered, trusted));
                assertThat(thrown).as("byte %d ^ 0x%02x accepted", i, mask).isNotNull();
            }
        }
    }

    @Test
    void everyTruncationIsRejectedAsTruncated() {
        for (int length = 0; length < encoded.length; length++) {
            byte[] truncated = Arrays.copyOf(encoded, length);
            assertReason(() -> TicketCodec.decodeAndVerify(truncated, trusted), Reason.TRUNCATED);
        }
    }

    @Test
    void trailingBytesAreRejected() {
        byte[] padded = Arrays.copyOf(encoded, encoded.length + 1);

        assertReason(() -> TicketCodec.decode(padded), Reason.TRAILING_BYTES);
    }

    @Test
    void inputOverTheLimitIsRejectedBeforeParsing() {
        byte[] oversized = Arrays.copyOf(encoded, TicketCodec.MAX_ENCODED_LENGTH + 1);

        assertReason(() -> TicketCodec.decode(oversized), Reason.OVERSIZED);
        assertReason(() -> TicketCodec.decode(new byte[1 << 20]), Reason.OVERSIZED);
    }

    @Test
    void ticketOfExactlyTheMaximumLengthRoundTrips() throws TicketFormatException {
        Ticket largest = ticketEncodingTo(TicketCodec.MAX_ENCODED_LENGTH);

        byte[] bytes = TicketCodec.encodeSigned(largest, issuer);

        assertThat(bytes).hasSize(TicketCodec.MAX_ENCODED_LENGTH);
        assertThat(TicketCodec.decodeAndVerify(bytes, trusted).ticket()).isEqualTo(largest);
    }

    @Test
    void smallestTicketIs123Bytes() throws TicketFormatException {
        Ticket smallest = aTicket().seatId("A").categoryId("S").gateId(Ticket.ANY_GATE)
                .holderChipId(Ticket.PAPER).attendees(List.of()).build();

        byte[] bytes = TicketCodec.encodeSigned(smallest, issuer);

        assertThat(bytes).hasSize(123);
        assertThat(TicketCodec.decodeAndVerify(bytes, trusted).ticket()).isEqualTo(smallest);
    }

    @Test
    void ticketTooLargeToEncodeIsRefused() {
        Ticket tooLarge = ticketEncodingTo(TicketCodec.MAX_ENCODED_LENGTH + 1);

        assertThat(TicketCodec.encodedLength(tooLarge)).isEqualTo(TicketCodec.MAX_ENCODED_LENGTH + 1);
        assertThatThrownBy(() -> TicketCodec.encodeSigned(tooLarge, issuer))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("513 bytes");
    }

    @Test
    void unknownIssuerIsRejected() {
        IssuerKeyResolver otherIssuer = IssuerKeyResolver.of(IssuerKeyPair.generate(new SecureRandom()).publicKey());

        assertReason(() -> TicketCodec.decodeAndVerify(encoded, otherIssuer), Reason.UNKNOWN_ISSUER);
        assertReason(() -> TicketCodec.decodeAndVerify(encoded, keyId -> Optional.empty()), Reason.UNKNOWN_ISSUER);
    }

    @Test
    void resolverAnsweringWithAKeyOfAnotherIdIsNotTrusted() {
        IssuerPublicKey impostor = IssuerKeyPair.generate(new SecureRandom()).publicKey();

        assertReason(() -> TicketCodec.decodeAndVerify(encoded, keyId -> Optional.of(impostor)), Reason.UNKNOWN_ISSUER);
    }

    @Test
    void ticketSignedByAnotherKeyUnderATrustedKeyIdFailsTheSignature() {
        IssuerKeyPair forger = IssuerKeyPair.generate(new SecureRandom());
        byte[] forged = TicketCodec.encodeSigned(ticket, forger);
        System.arraycopy(issuer.publicKey().keyId(), 0, forged, forged.length - SIGNATURE - 8, 8);

        assertReason(() -> TicketCodec.decodeAndVerify(forged, trusted), Reason.BAD_SIGNATURE);
    }

    @Test
    void wrongMagicIsRejected() {
        byte[] qr = encoded.clone();
        qr[1] = 'Q';

        assertReason(() -> TicketCodec.decode(qr), Reason.BAD_MAGIC);
        assertReason(() -> TicketCodec.decode(new byte[] {'X'}), Reason.BAD_MAGIC);
        assertReason(() -> TicketCodec.decode(new byte[0]), Reason.TRUNCATED);
    }

    @Test
    void futureFormatVersionIsUnsupported() {
        byte[] future = encoded.clone();
        future[2] = 0x02;

        assertReason(() -> TicketCodec.decode(future), Reason.UNSUPPORTED_VERSION);
    }

    @Test
    void generalAdmissionTicketNamesTheAreaAndSaysSoInFlagBit1() throws TicketFormatException {
        Ticket standing = aTicket().seatId("FLOOR").categoryId("floor").generalAdmission(true).build();

        byte[] bytes = TicketCodec.encodeSigned(standing, issuer);

        assertThat(bytes[3]).as("flags: holder chip and general admission").isEqualTo((byte) 0x03);
        Ticket decoded = TicketCodec.decodeAndVerify(bytes, trusted).ticket();
        assertThat(decoded).isEqualTo(standing);
        assertThat(decoded.generalAdmission()).isTrue();
        assertThat(decoded.seatId()).isEqualTo("FLOOR");
        assertThat(TicketCodec.decode(encoded).ticket().generalAdmission()).as("a seat ticket").isFalse();
        byte[] flipped = encoded.clone();
        flipped[3] ^= 0x02;
        assertReason(() -> TicketCodec.decodeAndVerify(flipped, trusted), Reason.BAD_SIGNATURE);
    }

    @Test
    void reservedFlagBitsAreMalformed() {
        byte[] flagged = encoded.clone();
        flagged[3] |= (byte) 0x80;

        assertReason(() -> TicketCodec.decode(flagged), Reason.MALFORMED);
    }

    @Test
    void invalidUtf8IsMalformed() {
        byte[] overlong = encoded.clone();
        overlong[46] = (byte) 0xC0; // "A-" → C0 AD: an overlong encoding of '-'
        overlong[47] = (byte) 0xAD;
        byte[] loneContinuation = encoded.clone();
        loneContinuation[48] = (byte) 0x80;

        assertReason(() -> TicketCodec.decode(overlong), Reason.MALFORMED);
        assertReason(() -> TicketCodec.decode(loneContinuation), Reason.MALFORMED);
    }

    @Test
    void fieldBreakingATicketRuleIsMalformedNotAnUncheckedException() {
        byte[] versionZero = encoded.clone();
        versionZero[20] = 0;
        versionZero[21] = 0;
        byte[] lowercaseCurrency = encoded.clone();
        lowercaseCurrency[42] = 'j';
        byte[] backwardsWindow = encoded.clone();
        System.arraycopy(encoded, 30, backwardsWindow, 34, 4);
        System.arraycopy(encoded, 34, backwardsWindow, 30, 4);

        assertReason(() -> TicketCodec.decode(versionZero), Reason.MALFORMED);
        assertReason(() -> TicketCodec.decode(lowercaseCurrency), Reason.MALFORMED);
        assertReason(() -> TicketCodec.decode(backwardsWindow), Reason.MALFORMED);
    }

    @Test
    void eventIdWithTheTopBitSetIsMalformed() {
        byte[] negative = encoded.clone();
        negative[22] |= (byte) 0x80;

        assertReason(() -> TicketCodec.decode(negative), Reason.MALFORMED);
    }

    @Test
    void holderChipIdOfBadLengthIsMalformed() {
        int holderLength = holderChipLengthOffset(ticket);
        byte[] tooShort = encoded.clone();
        tooShort[holderLength] = 3;
        byte[] empty = encoded.clone();
        empty[holderLength] = 0;

        assertThat(encoded[holderLength]).isEqualTo((byte) 7);
        assertReason(() -> TicketCodec.decode(tooShort), Reason.MALFORMED);
        assertReason(() -> TicketCodec.decode(empty), Reason.MALFORMED);
    }

    @Test
    void moreThanEightAttendeesIsMalformed() {
        int attendeeCount = holderChipLengthOffset(ticket) + 1 + 7;
        byte[] crowded = encoded.clone();
        crowded[attendeeCount] = 9;

        assertThat(encoded[attendeeCount]).isEqualTo((byte) 2);
        assertReason(() -> TicketCodec.decode(crowded), Reason.MALFORMED);
    }

    @Test
    void signedTicketComparesByContentAndCopiesArrays() throws TicketFormatException {
        SignedTicket first = TicketCodec.decode(encoded);
        SignedTicket second = TicketCodec.decode(encoded.clone());
        first.encoded()[0] = 0;
        first.signature()[0] ^= 1;

        assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
        assertThat(first.encoded()).isEqualTo(encoded);
        assertThat(first.toString()).contains(issuer.publicKey().keyIdHex());
    }

    private static int holderChipLengthOffset(Ticket t) {
        return 45 + 1 + utf8Length(t.seatId()) + 1 + utf8Length(t.categoryId()) + 1 + utf8Length(t.gateId());
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The longest fields, then attendee names filled up to the wanted encoded length. */
    static Ticket ticketEncodingTo(int length) {
        TicketBuilder builder = aTicket()
                .seatId("s".repeat(Ticket.MAX_SEAT_ID_BYTES))
                .categoryId("c".repeat(Ticket.MAX_CATEGORY_ID_BYTES))
                .gateId("g".repeat(Ticket.MAX_GATE_ID_BYTES))
                .holderChipId("ab".repeat(Ticket.MAX_HOLDER_CHIP_ID_BYTES))
                .attendees(List.of());
        int budget = length - TicketCodec.encodedLength(builder.build());
        List<String> names = new ArrayList<>();
        for (int i = 0; i < Ticket.MAX_ATTENDEES && budget > 1; i++) {
            int nameLength = Math.min(Ticket.MAX_ATTENDEE_NAME_BYTES, budget - 1);
            names.add("n".repeat(nameLength));
            budget -= 1 + nameLength;
        }
        Ticket result = builder.attendees(names).build();
        assertThat(TicketCodec.encodedLength(result)).isEqualTo(length);
        return result;
    }

    static void assertReason(ThrowingDecode decode, Reason reason) {
        TicketFormatException thrown = catchThrowableOfType(TicketFormatException.class, decode::run);
        assertThat(thrown).as("expected TicketFormatException " + reason).isNotNull();
        assertThat(thrown.reason()).as(thrown.getMessage()).isEqualTo(reason);
        assertThat(thrown.getMessage()).isNotBlank();
    }

    @FunctionalInterface
    interface ThrowingDecode {
        void run() throws TicketFormatException;
    }
}
