package dev.tessera.reader.wallet;

import java.io.Serial;

/** The card left the field, or the reader or the smart-card service went away: reconnect, SELECT, go on. */
public final class CardGoneException extends WalletException {

    @Serial
    private static final long serialVersionUID = 1L;

    public CardGoneException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String userMessage() {
        return "The card was taken away too early. Hold it on the reader again.";
    }
}
