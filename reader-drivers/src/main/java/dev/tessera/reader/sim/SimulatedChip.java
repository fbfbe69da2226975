package dev.tessera.reader.sim;

import com.licel.jcardsim.smartcardio.CardSimulator;
import com.licel.jcardsim.utils.AIDUtil;
import dev.tessera.reader.applet.WalletApplet;
import dev.tessera.reader.wallet.WalletCard;
import javax.smartcardio.CardTerminal;

/**
 * A blank wallet chip in jCardSim, the embedded default's "contactless card". Its persistent memory outlives
 * removal and re-insertion, like a real chip's EEPROM; RAM (sessions, chains) does not. Its runtime reports an
 * extended Le as a Java Card does ({@link JavaCardLengthRuntime}).
 */
public final class SimulatedChip {

    private final CardSimulator simulator;

    public SimulatedChip() {
        simulator = new CardSimulator(new JavaCardLengthRuntime());
        // the applet's constructor asks for ECDSA, and jCardSim prints a line to stdout for that
        StdoutOfThisThread.discardWhile(() -> simulator.installApplet(AIDUtil.create(WalletCard.AID), WalletApplet.class));
    }

    /** Puts the chip on the reader's field. */
    public void insertInto(CardTerminal terminal) {
        simulator.assignToTerminal(terminal);
    }

    /** Takes the chip off the field: the connection breaks and RAM is lost, EEPROM stays. */
    public void remove() {
        simulator.assignToTerminal(null);
        simulator.reset();
    }

    public CardTerminal reader() {
        return simulator.getAssignedCardTerminal();
    }

    /** For a bridge that carries the chip over another link (vpcd). */
    public CardSimulator simulator() {
        return simulator;
    }
}
