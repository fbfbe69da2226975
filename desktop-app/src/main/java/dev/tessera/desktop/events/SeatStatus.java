package dev.tessera.desktop.events;

import java.util.Locale;

/** A seat's status at the center, as the seat map shows it. */
public enum SeatStatus {
    FREE, HELD, SOLD, BLOCKED;

    /** A status this client does not know is shown as blocked: not for sale here. */
    public static SeatStatus of(String wire) {
        try {
            return valueOf(wire.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            return BLOCKED;
        }
    }
}
