package dev.tessera.reader.wallet;

import java.io.Serial;

/** A working wallet, but not the one this operation is for (another chip id, blank, or locked). */
public final class WrongCardException extends WalletException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String userMessage;

    public WrongCardException(String message, String userMessage) {
        super(message, null);
        this.userMessage = userMessage;
    }

    @Override
    public String userMessage() {
        return userMessage;
    }
}
