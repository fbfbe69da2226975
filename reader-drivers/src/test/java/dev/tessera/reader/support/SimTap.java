package dev.tessera.reader.support;

import dev.tessera.reader.pcsc.PcscReader;
import dev.tessera.reader.sim.SimulatedChip;
import dev.tessera.reader.sim.SimulatedReaders;
import dev.tessera.reader.wallet.CardGoneException;
import dev.tessera.reader.wallet.CardTransport;
import dev.tessera.reader.wallet.WalletCard;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;

/** A simulated chip on an in-JVM reader, reached through the same PcscReader a real reader uses. */
public final class SimTap implements AutoCloseable {

    public static final SecureRandom RANDOM = new SecureRandom();

    public final SimulatedChip chip;
    public final CardTerminal terminal;
    public final PcscReader reader;
    public CardTransport transport;

    public SimTap() {
        this(new SimulatedChip(), "Tessera test reader");
    }

    public SimTap(SimulatedChip chip, String readerName) {
        this.chip = chip;
        try {
            terminal = SimulatedReaders.factory(readerName).terminals().list().getFirst();
        } catch (CardException e) {
            throw new IllegalStateException(e);
        }
        chip.insertInto(terminal);
        reader = new PcscReader(terminal);
        try {
            transport = reader.connect();
        } catch (CardGoneException e) {
            throw new IllegalStateException(e);
        }
    }

    public WalletCard card() {
        return new WalletCard(transport, WalletCard.LengthMode.EXTENDED, RANDOM);
    }

    public WalletCard card(WalletCard.LengthMode mode) {
        return new WalletCard(transport, mode, RANDOM);
    }

    /** Lifts the chip off and puts it back: RAM lost, EEPROM kept; the reader reconnects. */
    public void retap() throws CardGoneException {
        chip.remove();
        chip.insertInto(terminal);
        transport = reader.reconnect();
    }

    public static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    public static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    @Override
    public void close() {
        reader.close();
    }
}
