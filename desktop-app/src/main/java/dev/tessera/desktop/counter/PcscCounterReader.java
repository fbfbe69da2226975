package dev.tessera.desktop.counter;

import dev.tessera.reader.pcsc.PcscReader;
import dev.tessera.reader.pcsc.ReaderUnavailableException;
import dev.tessera.reader.pcsc.Readers;
import dev.tessera.reader.wallet.CardGoneException;
import dev.tessera.reader.wallet.WalletCard;
import dev.tessera.reader.wallet.WalletException;
import java.security.SecureRandom;
import javax.smartcardio.CardTerminal;

/**
 * A contactless reader on the PC/SC service (pcscd on Linux, WinSCard on Windows), found by (part of)
 * its name: what a real counter uses instead of the simulated reader. The reader is looked up again
 * after a failure, so unplugging it and plugging it back in needs no restart of the app (restarting the
 * smart-card service does: the JDK keeps its first PC/SC context, docs/readers.md).
 */
public final class PcscCounterReader implements CounterReader, AutoCloseable {
    private final String name;
    private final SecureRandom random;
    private PcscReader reader;

    public PcscCounterReader(String name, SecureRandom random) {
        this.name = name;
        this.random = random;
    }

    public String name() {
        return name;
    }

    @Override
    public synchronized WalletCard tap() throws WalletException {
        if (reader == null) {
            reader = new PcscReader(find());
        }
        try {
            return new WalletCard(reader.reconnect(), WalletCard.LengthMode.EXTENDED, random);
        } catch (CardGoneException e) {
            forgetReader();
            throw e;
        }
    }

    private CardTerminal find() throws CardGoneException {
        try {
            return Readers.find(Readers.pcsc(), name).orElseThrow(() ->
                    new CardGoneException("the card reader \"" + name + "\" is not connected", null));
        } catch (ReaderUnavailableException e) {
            throw new CardGoneException("the smart-card service is not running (" + e.getMessage() + ")", e);
        }
    }

    private void forgetReader() {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }

    @Override
    public synchronized void close() {
        forgetReader();
    }
}
