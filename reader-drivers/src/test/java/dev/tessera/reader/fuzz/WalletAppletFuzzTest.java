package dev.tessera.reader.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tessera.core.crypto.ChipKeys;
import dev.tessera.reader.applet.WalletProtocol;
import dev.tessera.reader.sim.SimulatedChip;
import dev.tessera.reader.wallet.Apdu;
import dev.tessera.reader.wallet.CardTransport;
import dev.tessera.reader.wallet.ChipInfo;
import dev.tessera.reader.wallet.ChipTicket;
import dev.tessera.reader.wallet.KeyRef;
import dev.tessera.reader.wallet.StoredTicket;
import dev.tessera.reader.wallet.WalletCard;
import dev.tessera.reader.wallet.WalletException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The wallet applet's command parsing on the jCardSim chip: fuzzed raw APDUs and fuzzed payloads of every secure
 * command (MAC'd by the driver, so they reach the parsers behind the MAC check). The applet answers every command
 * with a status word and never with 6F00 (an exception escaping the applet); afterwards its slot bookkeeping
 * still adds up.
 */
class WalletAppletFuzzTest {
    private static final byte[] CHIP_ID = HexFormat.of().parseHex("0011223344556677");
    private static final byte[] ACCESS_KEY = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
    private static final byte[] GATE_KEY = HexFormat.of().parseHex("f0e0d0c0b0a090807060504030201000");
    private static final byte[] SOME_POINT = ChipKeys.fromPrivateScalar(
            HexFormat.of().parseHex("c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721")).publicKeySec1();

    @FuzzTest(maxDuration = "30s")
    void appletAnswersEveryCommand(FuzzedDataProvider data) throws WalletException, NoSuchAlgorithmException {
        var simulator = new SimulatedChip().simulator();
        List<String> crashes = new ArrayList<>();
        CardTransport transport = command -> {
            byte[] response = simulator.transmitCommand(command);
            int sw = response.length < 2 ? -1 : ((response[response.length - 2] & 0xFF) << 8) | (response[response.length - 1] & 0xFF);
            if (sw == -1 || sw == (WalletProtocol.SW_UNKNOWN & 0xFFFF)) {
                crashes.add(HexFormat.of().formatHex(command));
            }
            return response;
        };
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(11L);
        WalletCard card = new WalletCard(transport,
                data.consumeBoolean() ? WalletCard.LengthMode.EXTENDED : WalletCard.LengthMode.SHORT, random);
        card.select();
        if (data.consumeBoolean()) {
            card.personalize(CHIP_ID, ACCESS_KEY, GATE_KEY);
            card.select();
            if (data.consumeBoolean()) {
                card.authenticate(KeyRef.ACCESS, ACCESS_KEY);
            } else {
                card.authenticateGate(4711, dev.tessera.core.crypto.ChipSessionCrypto.diversify(GATE_KEY, (byte) 0x04,
                        java.nio.ByteBuffer.allocate(8).putLong(4711).array()));
            }
        }
        for (int step = data.consumeInt(1, 8); step > 0 && data.remainingBytes() > 0; step--) {
            try {
                command(card, transport, data);
            } catch (WalletException refused) {
                assertThat(refused.getMessage()).isNotBlank();
            }
        }
        assertThat(crashes).as("commands the applet answered with 6F00 or no status word").isEmpty();
        ChipInfo info = card.select();
        assertThat(info.freeSlots()).isBetween(0, info.capacity());
        if (info.personalized() && info.authTriesLeft() > 0) {
            card.authenticate(KeyRef.ACCESS, ACCESS_KEY);
            List<StoredTicket> stored = card.list();
            assertThat(stored).hasSize(info.capacity() - info.freeSlots());
            assertThat(stored).allSatisfy(t -> assertThat(t.length()).isBetween(0, info.slotSize()));
        }
        assertThat(crashes).as("the final SELECT and LIST answered with 6F00").isEmpty();
    }

    /** Found by this fuzz test: a write of exactly 255 bytes went out as a 261-byte APDU the chip answered 6F00. */
    @ParameterizedTest
    @EnumSource(WalletCard.LengthMode.class)
    void aWriteOfExactly255BytesReachesTheChip(WalletCard.LengthMode mode) throws WalletException {
        var simulator = new SimulatedChip().simulator();
        WalletCard card = new WalletCard(simulator::transmitCommand, mode, new SecureRandom());
        card.select();
        card.personalize(CHIP_ID, ACCESS_KEY, GATE_KEY);
        card.select();
        card.authenticate(KeyRef.ACCESS, ACCESS_KEY);
        // count (1) + entry header (20) + envelope + MAC (8) = 255
        byte[] envelope = new byte[Apdu.MAX_SHORT_DATA - 1 - WalletProtocol.ENTRY_HEADER_LENGTH - WalletProtocol.MAC_LENGTH];
        Arrays.fill(envelope, (byte) 0x5A);
        assertThat(card.write(List.of(new ChipTicket(new UUID(1, 2), 1, 4711, envelope)))).isEqualTo(WalletProtocol.CAPACITY - 1);
        List<StoredTicket> stored = card.list();
        assertThat(stored).hasSize(1);
        assertThat(card.read(stored.getFirst())).isEqualTo(envelope);
    }

    private static void command(WalletCard card, CardTransport transport, FuzzedDataProvider data) throws WalletException {
        switch (data.consumeInt(0, 8)) {
            case 0 -> {
                int cla = data.consumeByte();
                int ins = data.consumeByte();
                int p1 = data.consumeByte() & 0xFF;
                int p2 = data.consumeByte() & 0xFF;
                byte[] body = data.consumeBytes(data.consumeInt(0, 600));
                int ne = data.consumeInt(0, 65_536);
                // jCardSim answers 6F00 to every 261-byte short APDU (255 data bytes and Le) before any applet runs
                boolean simulatorLimit = body.length == Apdu.MAX_SHORT_DATA && ne > 0 && ne <= 256;
                transport.transmit(Apdu.command(cla, ins, p1, p2, body, simulatorLimit ? 0 : ne));
            }
            case 1 -> {
                List<ChipTicket> tickets = new ArrayList<>();
                for (int n = data.consumeInt(1, 4); n > 0; n--) {
                    tickets.add(new ChipTicket(uuid(data), data.consumeInt(1, 0xFFFF), data.consumeBoolean() ? 4711 : 4712,
                            data.consumeBytes(data.consumeInt(0, WalletProtocol.SLOT_SIZE))));
                }
                card.write(tickets);
            }
            case 2 -> {
                List<UUID> ids = new ArrayList<>();
                for (int n = data.consumeInt(1, 14); n > 0; n--) {
                    ids.add(uuid(data));
                }
                card.delete(ids);
            }
            case 3 -> card.markUsed(uuid(data), data.consumeInt(0, 0xFFFF));
            case 4 -> card.read(new StoredTicket(data.consumeInt(0, 255), 0, uuid(data), 1, data.consumeInt(1, 700)));
            case 5 -> card.list();
            case 6 -> card.agree(data.consumeBoolean() ? SOME_POINT : data.consumeBytes(65));
            // at most 254 bytes: 255 and Le make the 261-byte APDU jCardSim cannot take (see case 0)
            case 7 -> card.internalAuthenticate(data.consumeBytes(data.consumeInt(0, Apdu.MAX_SHORT_DATA - 1)));
            default -> card.lock();
        }
    }

    private static UUID uuid(FuzzedDataProvider data) {
        // a small id space, so later commands often name tickets that earlier ones wrote
        return new UUID(0, data.consumeInt(0, 7));
    }
}
