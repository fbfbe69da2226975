package dev.tessera.reader.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tessera.reader.applet.WalletProtocol;
import dev.tessera.reader.sim.SimulatedChip;
import dev.tessera.reader.wallet.CardGoneException;
import dev.tessera.reader.wallet.CardTransport;
import dev.tessera.reader.wallet.ChipTicket;
import dev.tessera.reader.wallet.KeyRef;
import dev.tessera.reader.wallet.StoredTicket;
import dev.tessera.reader.wallet.WalletCard;
import dev.tessera.reader.wallet.WalletException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The driver's response parsing (docs/card-protocol.md) against a card that answers anything. The fuzz input is a
 * transcript of card answers, each a 2-byte length and the response bytes (data and status word); once it ends the
 * card repeats its last answer. Every driver call returns or throws a WalletException, never another exception, and
 * no call loops on a card that repeats itself. The seed is a transcript recorded from the simulated chip.
 */
class CardResponseFuzzTest {
    static final byte[] ACCESS_KEY = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
    /** A card that keeps answering is cut off here; LIST needs at most CAPACITY pages. */
    private static final int MAX_EXCHANGES = 1_000;

    @FuzzTest(maxDuration = "30s")
    void driverSurvivesAnyCardAnswer(byte[] transcript) {
        drive(new ScriptedCard(transcript));
    }

    @Test
    void aTranscriptRecordedFromTheChipReplaysEveryStep() throws Exception {
        SimulatedChip chip = new SimulatedChip();
        WalletCard counter = new WalletCard(chip.simulator()::transmitCommand);
        counter.select();
        counter.personalize(HexFormat.of().parseHex("0011223344556677"), ACCESS_KEY, new byte[16]);
        counter.select();
        counter.authenticate(KeyRef.ACCESS, ACCESS_KEY);
        counter.write(List.of(new ChipTicket(new UUID(1, 1), 1, 4711, new byte[300]), new ChipTicket(new UUID(1, 2), 2, 4711, new byte[40])));
        ByteArrayOutputStream recorded = new ByteArrayOutputStream();
        Steps live = drive(command -> {
            byte[] response = chip.simulator().transmitCommand(command);
            recorded.write(response.length >> 8);
            recorded.write(response.length);
            recorded.write(response, 0, response.length);
            return response;
        });
        Path out = Path.of("target", "recorded-card-transcript.bin");
        Files.createDirectories(out.getParent());
        Files.write(out, recorded.toByteArray());

        assertThat(live).isEqualTo(new Steps(true, true, 2, 2, true));
        assertThat(drive(new ScriptedCard(recorded.toByteArray()))).isEqualTo(live);
        assertThat(drive(new ScriptedCard(seed("chip-transcript")))).isEqualTo(live);
    }

    /** What a counter's tap got through: each call either succeeds or stops with a WalletException. */
    record Steps(boolean selected, boolean authenticated, int listed, int read, boolean genuine) {}

    private static Steps drive(CardTransport card) {
        WalletCard wallet = new WalletCard(card, WalletCard.LengthMode.EXTENDED, reproducibleRandom());
        boolean selected = call(wallet::select) != null;
        call(wallet::info);
        boolean authenticated = call(() -> {
            wallet.authenticate(KeyRef.ACCESS, ACCESS_KEY);
            return true;
        }) != null;
        int before = card instanceof ScriptedCard scripted ? scripted.exchanges : 0;
        List<StoredTicket> tickets = call(wallet::list);
        if (card instanceof ScriptedCard scripted) {
            assertThat(scripted.exchanges - before).as("LIST round trips").isLessThanOrEqualTo(WalletProtocol.CAPACITY);
        }
        int read = 0;
        if (tickets != null) {
            for (StoredTicket ticket : tickets.subList(0, Math.min(2, tickets.size()))) {
                byte[] envelope = call(() -> wallet.read(ticket));
                if (envelope != null) {
                    assertThat(envelope.length).isGreaterThanOrEqualTo(ticket.length());
                    read++;
                }
            }
        }
        Boolean genuine = selected ? call(() -> wallet.proveGenuine(wallet.lastInfo().publicKey())) : null;
        return new Steps(selected, authenticated, tickets == null ? -1 : tickets.size(), read, Boolean.TRUE.equals(genuine));
    }

    @FunctionalInterface
    private interface CardCall<T> {
        T run() throws WalletException;
    }

    /** The call's result, or null when the driver refused the card's answer with a WalletException. */
    private static <T> T call(CardCall<T> call) {
        try {
            return call.run();
        } catch (WalletException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            return null;
        }
    }

    /** Host challenges from a fixed seed, so a recorded transcript authenticates again when replayed. */
    private static SecureRandom reproducibleRandom() {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(7L);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA1PRNG is part of every Java runtime", e);
        }
    }

    private static byte[] seed(String name) throws IOException {
        try (InputStream in = CardResponseFuzzTest.class.getResourceAsStream(
                "CardResponseFuzzTestInputs/driverSurvivesAnyCardAnswer/" + name)) {
            return in.readAllBytes();
        }
    }

    /** Answers each command with the next response of the transcript; once it ends, repeats the last one. */
    private static final class ScriptedCard implements CardTransport {
        private final byte[] transcript;
        private int at;
        private byte[] last = {(byte) 0x6F, 0x00};
        int exchanges;

        ScriptedCard(byte[] transcript) {
            this.transcript = transcript;
        }

        @Override
        public byte[] transmit(byte[] command) throws CardGoneException {
            if (++exchanges > MAX_EXCHANGES) {
                throw new CardGoneException("the scripted card stops answering", null);
            }
            if (at + 2 <= transcript.length) {
                int length = ((transcript[at] & 0xFF) << 8) | (transcript[at + 1] & 0xFF);
                int from = at + 2;
                at = Math.min(transcript.length, from + length);
                last = Arrays.copyOfRange(transcript, from, at);
            }
            return last.clone();
        }
    }
}
