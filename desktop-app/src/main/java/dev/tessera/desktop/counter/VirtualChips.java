package dev.tessera.desktop.counter;

import dev.tessera.reader.pcsc.PcscReader;
import dev.tessera.reader.sim.SimulatedChip;
import dev.tessera.reader.sim.SimulatedReaders;
import dev.tessera.reader.wallet.CardGoneException;
import dev.tessera.reader.wallet.WalletCard;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;

/**
 * The embedded default's reader: jCardSim's in-JVM reader and a tray of simulated wallet chips the
 * clerk can put on it or take off. Chips live as long as the app. Thread safe.
 */
public final class VirtualChips implements CounterReader, AutoCloseable {
    public static final String READER_NAME = "Tessera counter reader";

    /** One chip on the tray; {@code label} is what the clerk wrote on it, {@code owner} the member once issued. */
    public record VirtualChip(int number, String label, SimulatedChip chip, String owner, String chipId) {}

    private final CardTerminal terminal;
    private final SecureRandom random;
    private final List<VirtualChip> chips = new ArrayList<>();
    private PcscReader reader;
    private VirtualChip onReader;

    public VirtualChips(SecureRandom random) {
        this.random = random;
        try {
            this.terminal = SimulatedReaders.factory(READER_NAME).terminals().list().getFirst();
        } catch (CardException e) {
            throw new IllegalStateException("the simulated reader is part of reader-drivers", e);
        }
    }

    public synchronized VirtualChip addBlank(String label) {
        VirtualChip chip = new VirtualChip(chips.size() + 1, label, new SimulatedChip(), null, null);
        chips.add(chip);
        return chip;
    }

    /** After claim 31: the chip is now the member's card. */
    public synchronized VirtualChip issued(VirtualChip chip, String owner, String chipId) {
        VirtualChip card = new VirtualChip(chip.number(), chip.label(), chip.chip(), owner, chipId);
        chips.set(chips.indexOf(chip), card);
        if (onReader == chip) {
            onReader = card;
        }
        return card;
    }

    public synchronized List<VirtualChip> chips() {
        return List.copyOf(chips);
    }

    /** Puts the chip on the reader, taking off whatever lay there. */
    public synchronized void put(VirtualChip chip) {
        takeOff();
        chip.chip().insertInto(terminal);
        onReader = chip;
    }

    /** Lifts the chip off the reader: the connection breaks, the chip keeps its tickets. */
    public synchronized void takeOff() {
        if (onReader != null) {
            onReader.chip().remove();
            onReader = null;
        }
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }

    public synchronized Optional<VirtualChip> onReader() {
        return Optional.ofNullable(onReader);
    }

    @Override
    public synchronized WalletCard tap() throws CardGoneException {
        if (onReader == null) {
            throw new CardGoneException("no chip on " + READER_NAME, null);
        }
        if (reader == null) {
            reader = new PcscReader(terminal);
        }
        return new WalletCard(reader.reconnect(), WalletCard.LengthMode.EXTENDED, random);
    }

    @Override
    public synchronized void close() {
        takeOff();
    }
}
