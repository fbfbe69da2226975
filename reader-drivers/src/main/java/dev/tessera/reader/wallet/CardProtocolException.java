package dev.tessera.reader.wallet;

import java.io.Serial;

/** The card answered, but not as docs/card-protocol.md says a wallet answers: not our card, or a broken one. */
public final class CardProtocolException extends WalletException {

    @Serial
    private static final long serialVersionUID = 1L;

    public CardProtocolException(String message) {
        super(message, null);
    }

    public CardProtocolException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String userMessage() {
        return "This card is not a Tessera wallet, or it did not answer as one.";
    }
}
