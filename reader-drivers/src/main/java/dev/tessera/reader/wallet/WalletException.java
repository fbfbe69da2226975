package dev.tessera.reader.wallet;

import java.io.Serial;

/** Anything that stops a card operation; the subclasses say whether to retry, re-tap or give up. */
public abstract sealed class WalletException extends Exception
        permits CardGoneException, CardRefusedException, CardProtocolException, WrongCardException {

    @Serial
    private static final long serialVersionUID = 1L;

    protected WalletException(String message, Throwable cause) {
        super(message, cause);
    }

    /** One sentence for the person at the reader; the message is for the log. */
    public abstract String userMessage();
}
