package dev.tessera.core.ticket;

import static dev.tessera.core.ticket.TicketBuilder.aTicket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.tessera.core.crypto.IssuerKeyPair;
import dev.tessera.core.crypto.IssuerPublicKey;
import dev.tessera.core.format.TicketFormatException;
import dev.tessera.core.format.TicketFormatException.Reason;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Property: whatever bytes arrive, the decoder answers with a ticket or a TicketFormatException, nothing else. */
class TicketDecoderFuzzTest {

    private static final long SEED = 0x7E55E7AL;
    private static final int RANDOM_INPUTS = 10_000;
    private static final int MUTATED_INPUTS = 10_000;

    private final IssuerKeyPair issuer = IssuerKeyPair.generate(new java.security.SecureRandom());
    private final IssuerKeyResolver trusted = IssuerKeyResolver.of(issuer.publicKey());
    private final List<byte[]> validTickets = List.of(
            TicketCodec.encodeSigned(aTicket().build(), issuer),
            TicketCodec.encodeSigned(aTicket().holderChipId(Ticket.PAPER).gateId(Ticket.ANY_GATE).attendees(List.of()).build(), issuer),
            TicketCodec.encodeSigned(aTicket().seatId("バルコニー 右-1").attendees(List.of("山田 花子", "🎭")).build(), issuer),
            TicketCodec.encodeSigned(TicketCodecTest.ticketEncodingTo(TicketCodec.MAX_ENCODED_LENGTH), issuer));
    private final Map<Reason, Integer> reasonsSeen = new EnumMap<>(Reason.class);

    @Test
    void randomBytesOnlyEverRaiseTicketFormatException() {
        Random random = new Random(SEED);
        for (int i = 0; i < RANDOM_INPUTS; i++) {
            byte[] input = new byte[random.nextInt(TicketCodec.MAX_ENCODED_LENGTH + 64)];
            random.nextBytes(input);
            if (input.length >= 4 && random.nextInt(4) > 0) {
                // mostly past the magic, version and flags, so the field parsers see the noise
                input[0] = 'T';
                input[1] = 'K';
                input[2] = 0x01;
                input[3] &= 0x01;
            }
            check(input);
        }
        assertThat(reasonsSeen).as("the noise must reach the field parsers")
                .containsKeys(Reason.BAD_MAGIC, Reason.TRUNCATED, Reason.OVERSIZED, Reason.MALFORMED);
    }

    @Test
    void mutatedTicketsOnlyEverRaiseTicketFormatException() {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < MUTATED_INPUTS; i++) {
            byte[] input = validTickets.get(random.nextInt(validTickets.size()));
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                input = mutate(input, random);
            }
            check(input);
        }
        assertThat(reasonsSeen).as("mutations must reach every stage of the decoder")
                .containsKeys(Reason.TRUNCATED, Reason.OVERSIZED, Reason.MALFORMED, Reason.TRAILING_BYTES,
                        Reason.UNKNOWN_ISSUER, Reason.BAD_SIGNATURE, Reason.BAD_MAGIC, Reason.UNSUPPORTED_VERSION);
    }

    private void check(byte[] input) {
        try {
            SignedTicket parsed = TicketCodec.decode(input);
            // one ticket, one byte string: re-encoding what was parsed gives back the signed bytes
            assertThat(TicketCodec.signedPart(parsed.ticket(), parsed.issuerKeyId()))
                    .isEqualTo(Arrays.copyOf(input, input.length - IssuerPublicKey.SIGNATURE_LENGTH));
        } catch (TicketFormatException expected) {
            assertThat(expected.reason()).isNotNull();
        } catch (RuntimeException | Error unexpected) {
            fail("decode threw %s for %s".formatted(unexpected, HexFormat.of().formatHex(input)), unexpected);
        }
        try {
            TicketCodec.decodeAndVerify(input, trusted);
            assertThat(validTickets).as("accepted %s", HexFormat.of().formatHex(input))
                    .anySatisfy(valid -> assertThat(valid).isEqualTo(input));
        } catch (TicketFormatException expected) {
            reasonsSeen.merge(expected.reason(), 1, Integer::sum);
        } catch (RuntimeException | Error unexpected) {
            fail("decodeAndVerify threw %s for %s".formatted(unexpected, HexFormat.of().formatHex(input)), unexpected);
        }
    }

    private static byte[] mutate(byte[] input, Random random) {
        int at = input.length == 0 ? 0 : random.nextInt(input.length);
        return switch (random.nextInt(7)) {
            case 0 -> { // flip one bit
                byte[] out = input.clone();
                if (out.length > 0) {
                    out[at] ^= (byte) (1 << random.nextInt(8));
                }
                yield out;
            }
            case 1 -> { // overwrite with an interesting value (length fields: 0, 1, max, over max)
                byte[] out = input.clone();
                if (out.length > 0) {
                    int[] interesting = {0x00, 0x01, 0x08, 0x09, 0x20, 0x21, 0x40, 0x41, 0x7F, 0x80, 0xFF};
                    out[at] = (byte) interesting[random.nextInt(interesting.length)];
                }
                yield out;
            }
            case 2 -> { // insert random bytes
                int count = 1 + random.nextInt(8);
                byte[] out = new byte[input.length + count];
                System.arraycopy(input, 0, out, 0, at);
                for (int i = 0; i < count; i++) {
                    out[at + i] = (byte) random.nextInt(256);
                }
                System.arraycopy(input, at, out, at + count, input.length - at);
                yield out;
            }
            case 3 -> { // delete a range
                int count = Math.min(input.length - at, 1 + random.nextInt(8));
                byte[] out = new byte[input.length - count];
                System.arraycopy(input, 0, out, 0, at);
                System.arraycopy(input, at + count, out, at, input.length - at - count);
                yield out;
            }
            case 4 -> Arrays.copyOf(input, at); // truncate
            case 5 -> { // append garbage
                byte[] out = Arrays.copyOf(input, input.length + 1 + random.nextInt(64));
                for (int i = input.length; i < out.length; i++) {
                    out[i] = (byte) random.nextInt(256);
                }
                yield out;
            }
            default -> { // duplicate a slice (repeated fields, shifted lengths)
                int count = Math.min(input.length - at, 1 + random.nextInt(16));
                byte[] out = new byte[input.length + count];
                System.arraycopy(input, 0, out, 0, at + count);
                System.arraycopy(input, at, out, at + count, input.length - at);
                yield out;
            }
        };
    }
}
