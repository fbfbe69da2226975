package dev.tessera.reader.sim;

import com.licel.jcardsim.smartcardio.CardTerminalSimulator;
import java.security.NoSuchAlgorithmException;
import javax.smartcardio.TerminalFactory;

/** In-JVM readers (jCardSim's javax.smartcardio provider), named like real ones; chips are put on them in code. */
public final class SimulatedReaders {

    private SimulatedReaders() {
    }

    public static TerminalFactory factory(String... readerNames) {
        try {
            return TerminalFactory.getInstance("CardTerminalSimulator", readerNames,
                    new CardTerminalSimulator.SecurityProvider());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("jCardSim's terminal provider is on the class path with the applet", e);
        }
    }
}
