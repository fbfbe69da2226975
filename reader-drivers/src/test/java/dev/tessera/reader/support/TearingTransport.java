package dev.tessera.reader.support;

import dev.tessera.reader.applet.TearingProbe;
import dev.tessera.reader.sim.SimulatedChip;
import dev.tessera.reader.wallet.CardGoneException;
import dev.tessera.reader.wallet.CardTransport;

/** Pulls the simulated chip off the reader: when the applet's tearing probe fires, or before the n-th command. */
public final class TearingTransport implements CardTransport {

    private final CardTransport next;
    private final SimulatedChip chip;
    private final int pullBeforeCommand;
    private int sent;

    /** @param pullBeforeCommand 1-based index of the command that never arrives; 0 for probe-only */
    public TearingTransport(CardTransport next, SimulatedChip chip, int pullBeforeCommand) {
        this.next = next;
        this.chip = chip;
        this.pullBeforeCommand = pullBeforeCommand;
    }

    @Override
    public byte[] transmit(byte[] command) throws CardGoneException {
        sent++;
        if (sent == pullBeforeCommand) {
            chip.remove();
            throw new CardGoneException("test pulled the card before command " + sent, null);
        }
        byte[] response = next.transmit(command);
        int n = response.length;
        if (n >= 2 && (((response[n - 2] & 0xFF) << 8) | (response[n - 1] & 0xFF)) == (TearingProbe.SW_TORN & 0xFFFF)) {
            chip.remove();
            throw new CardGoneException("power cut inside command " + sent, null);
        }
        return response;
    }
}
