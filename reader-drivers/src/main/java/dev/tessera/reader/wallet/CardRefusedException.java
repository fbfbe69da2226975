package dev.tessera.reader.wallet;

import java.io.Serial;

/** The card refused a command with a status word of docs/card-protocol.md §5. */
public final class CardRefusedException extends WalletException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String command;
    private final int sw;

    public CardRefusedException(String command, int sw) {
        super("%s refused: SW %04X (%s)".formatted(command, sw, StatusWord.of(sw).meaning()), null);
        this.command = command;
        this.sw = sw;
    }

    public String command() {
        return command;
    }

    public int sw() {
        return sw;
    }

    public StatusWord status() {
        return StatusWord.of(sw);
    }

    /** For 63Cx, the authentication tries the card has left; -1 otherwise. */
    public int triesLeft() {
        return (sw & 0xFFF0) == 0x63C0 ? sw & 0x0F : -1;
    }

    @Override
    public String userMessage() {
        return status().userMessage();
    }
}
