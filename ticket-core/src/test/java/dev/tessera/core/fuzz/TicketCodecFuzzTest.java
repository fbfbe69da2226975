package dev.tessera.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tessera.core.crypto.IssuerKeyPair;
import dev.tessera.core.format.TicketFormatException;
import dev.tessera.core.ticket.IssuerKeyResolver;
import dev.tessera.core.ticket.SignedTicket;
import dev.tessera.core.ticket.TicketCodec;
import java.util.HexFormat;

/**
 * The ticket decoder (docs/ticket-format.md) on any bytes: a ticket that re-encodes to the same bytes, or a
 * TicketFormatException with a reason; never another exception, never a hang. Seeds: TicketCodecFuzzTestInputs.
 */
class TicketCodecFuzzTest {
    /** RFC 8032 test-1 key: the seed tickets are signed with it, so the fuzzer starts past the signature check. */
    static final IssuerKeyPair ISSUER = IssuerKeyPair.fromPrivate(
            HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
    static final IssuerKeyResolver TRUSTED = IssuerKeyResolver.of(ISSUER.publicKey());

    @FuzzTest(maxDuration = "30s")
    void decode(byte[] input) {
        try {
            SignedTicket parsed = TicketCodec.decode(input);
            // one ticket, one encoding: what parses must be exactly as long as its canonical form
            assertThat(TicketCodec.encodedLength(parsed.ticket())).isEqualTo(input.length);
        } catch (TicketFormatException expected) {
            assertThat(expected.reason()).isNotNull();
            assertThat(expected.getMessage()).isNotBlank();
        }
        try {
            SignedTicket verified = TicketCodec.decodeAndVerify(input, TRUSTED);
            // Ed25519 is deterministic: an accepted ticket is byte for byte what the issuer signs
            assertThat(TicketCodec.encodeSigned(verified.ticket(), ISSUER)).isEqualTo(input);
        } catch (TicketFormatException expected) {
            assertThat(expected.reason()).isNotNull();
        }
    }
}
