package dev.tessera.reader.wallet;

import dev.tessera.reader.applet.WalletProtocol;

/** The status words of docs/card-protocol.md §5, with what each means to the log and to the person at the reader. */
public enum StatusWord {
    OK(WalletProtocol.SW_OK, "success", "Done."),
    WRONG_LENGTH(WalletProtocol.SW_WRONG_LENGTH, "wrong length", "The card did not accept the command."),
    LAST_COMMAND_EXPECTED(WalletProtocol.SW_LAST_COMMAND_EXPECTED, "a command chain was interrupted",
            "The card did not accept the command."),
    CHAINING_NOT_SUPPORTED(WalletProtocol.SW_CHAINING_NOT_SUPPORTED, "command chaining not supported here",
            "The card did not accept the command."),
    SECURITY_NOT_SATISFIED(WalletProtocol.SW_SECURITY_NOT_SATISFIED, "security status not satisfied (no session or wrong key)",
            "The card refused: this terminal is not authorized for it."),
    AUTH_BLOCKED(WalletProtocol.SW_AUTH_BLOCKED, "authentication blocked: the card is locked",
            "This card is locked. Issue a new card at the box office."),
    CONDITIONS_NOT_SATISFIED(WalletProtocol.SW_CONDITIONS_NOT_SATISFIED, "conditions of use not satisfied (life-cycle state)",
            "The card is not ready for this (not personalized, or already personalized)."),
    TICKET_ALREADY_USED(WalletProtocol.SW_TICKET_ALREADY_USED, "ticket already marked used",
            "This ticket has already been used."),
    MAC_MISSING(WalletProtocol.SW_MAC_MISSING, "secure messaging MAC missing", "The card refused the command."),
    MAC_INVALID(WalletProtocol.SW_MAC_INVALID, "secure messaging MAC wrong", "The card refused the command."),
    WRONG_DATA(WalletProtocol.SW_WRONG_DATA, "incorrect data", "The card did not accept the data."),
    NO_FREE_SLOT(WalletProtocol.SW_NO_FREE_SLOT, "no free ticket slot", "The card is full: delete used tickets first."),
    WRONG_P1P2(WalletProtocol.SW_WRONG_P1P2, "incorrect P1/P2", "The card did not accept the command."),
    NOT_FOUND(WalletProtocol.SW_NOT_FOUND, "ticket not found on the card", "That ticket is not on this card."),
    NEWER_VERSION_PRESENT(WalletProtocol.SW_NEWER_VERSION_PRESENT, "a newer version of the ticket is on the card",
            "The card already holds a newer copy of this ticket."),
    INS_NOT_SUPPORTED(WalletProtocol.SW_INS_NOT_SUPPORTED, "instruction not supported", "The card did not accept the command."),
    CLA_NOT_SUPPORTED(WalletProtocol.SW_CLA_NOT_SUPPORTED, "class not supported", "The card did not accept the command."),
    UNKNOWN(WalletProtocol.SW_UNKNOWN, "unknown error", "The card reported an error."),
    AUTH_FAILED(WalletProtocol.SW_AUTH_FAILED_BASE, "authentication failed (63Cx: x tries left)",
            "The card did not accept this terminal's key."),
    OTHER(-1, "a status word the wallet does not use", "The card reported an error.");

    private final int sw;
    private final String meaning;
    private final String userMessage;

    StatusWord(int sw, String meaning, String userMessage) {
        this.sw = sw & 0xFFFF;
        this.meaning = meaning;
        this.userMessage = userMessage;
    }

    public static StatusWord of(int sw) {
        if ((sw & 0xFFF0) == (WalletProtocol.SW_AUTH_FAILED_BASE & 0xFFFF)) {
            return AUTH_FAILED;
        }
        for (StatusWord s : values()) {
            if (s.sw == sw) {
                return s;
            }
        }
        return OTHER;
    }

    public int sw() {
        return sw;
    }

    public String meaning() {
        return meaning;
    }

    public String userMessage() {
        return userMessage;
    }
}
