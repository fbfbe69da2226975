package dev.tessera.reader.wallet;

/**
 * The seam under every card driver: one command APDU in, the response APDU (data ‖ SW1 SW2) out. No smartcardio
 * type crosses it, so the protocol code runs the same over a PC/SC reader, the in-JVM simulator or a script.
 */
@FunctionalInterface
public interface CardTransport {

    /** @throws CardGoneException the card left the field or the reader went away; reconnect and SELECT again */
    byte[] transmit(byte[] command) throws CardGoneException;

    /** A transport whose exchanges also pass through {@code decorator} (logging, metering, fault injection). */
    default CardTransport then(java.util.function.UnaryOperator<CardTransport> decorator) {
        return decorator.apply(this);
    }
}
