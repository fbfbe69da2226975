package dev.tessera.desktop.counter;

import dev.tessera.reader.wallet.WalletCard;
import dev.tessera.reader.wallet.WalletException;

/** The counter's contactless reader: a tap gives the card in the field, or says there is none. */
public interface CounterReader {
    /** Connects to the chip in the field; blocking. @throws dev.tessera.reader.wallet.CardGoneException no chip */
    WalletCard tap() throws WalletException;
}
