package dev.tessera.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tessera.core.crypto.ChipEnvelope;
import dev.tessera.core.crypto.ChipKeys;
import dev.tessera.core.format.TicketFormatException;
import dev.tessera.core.ticket.TicketCodec;
import java.util.HexFormat;

/**
 * The chip envelope (claim 79) opened by the chip it names, on any bytes: the sealed ticket, or a
 * TicketFormatException; the plaintext of an envelope that opens goes on through the ticket decoder.
 */
class ChipEnvelopeFuzzTest {
    /** A fixed chip key pair and id: the seed envelopes are sealed for them. */
    static final ChipKeys CHIP = ChipKeys.fromPrivateScalar(
            HexFormat.of().parseHex("c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721"));
    static final byte[] CHIP_ID = HexFormat.of().parseHex("04a1b2c3d4e5f6");

    @FuzzTest(maxDuration = "30s")
    void open(byte[] input) {
        byte[] plaintext;
        try {
            plaintext = ChipEnvelope.open(input, CHIP_ID, CHIP.agent());
        } catch (TicketFormatException expected) {
            assertThat(expected.reason()).isNotNull();
            return;
        }
        try {
            TicketCodec.decodeAndVerify(plaintext, TicketCodecFuzzTest.TRUSTED);
        } catch (TicketFormatException expected) {
            assertThat(expected.reason()).isNotNull();
        }
    }
}
