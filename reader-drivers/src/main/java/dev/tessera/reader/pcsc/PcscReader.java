package dev.tessera.reader.pcsc;

import dev.tessera.reader.wallet.CardGoneException;
import dev.tessera.reader.wallet.CardTransport;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One javax.smartcardio reader, whichever stack is behind it (the in-JVM simulator, pcscd with vpcd, a USB reader):
 * every PC/SC call for it runs on its own thread, and the card is reached through a {@link CardTransport}.
 * A card that went away (pulled, reset, service restarted) surfaces as {@link CardGoneException}; {@link #reconnect}
 * then brings it back.
 */
public final class PcscReader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PcscReader.class);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final CardTerminal terminal;
    private final ExecutorService thread;
    private Card card;
    private CardChannel channel;

    public PcscReader(CardTerminal terminal) {
        this.terminal = Objects.requireNonNull(terminal, "terminal");
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "pcsc-" + terminal.getName());
            t.setDaemon(true);
            return t;
        });
    }

    public String name() {
        return terminal.getName();
    }

    /** Present now, without waiting. */
    public boolean cardPresent() throws CardGoneException {
        return call(terminal::isCardPresent);
    }

    /** Waits for a card in the field. @return false on timeout */
    public boolean waitForCard(Duration timeout) throws CardGoneException {
        // some stacks (jCardSim) only report arrivals, not a card already there
        return call(() -> terminal.isCardPresent() || terminal.waitForCardPresent(Math.max(1, timeout.toMillis())));
    }

    /** Waits until the field is empty. @return false on timeout */
    public boolean waitForRemoval(Duration timeout) throws CardGoneException {
        return call(() -> !terminal.isCardPresent() || terminal.waitForCardAbsent(Math.max(1, timeout.toMillis())));
    }

    /** Connects (T=1 or T=0, whichever the card speaks) and returns the transport to the basic channel. */
    public CardTransport connect() throws CardGoneException {
        call(() -> {
            disconnectQuietly();
            card = terminal.connect("*");
            channel = card.getBasicChannel();
            return null;
        });
        return this::transmit;
    }

    /** Drops the old connection, which may belong to a card that left, and connects to what is there now. */
    public CardTransport reconnect() throws CardGoneException {
        return connect();
    }

    private byte[] transmit(byte[] command) throws CardGoneException {
        return call(() -> {
            if (channel == null) {
                throw new CardException("not connected");
            }
            return channel.transmit(new CommandAPDU(command)).getBytes();
        });
    }

    public void disconnect() {
        try {
            call(() -> {
                disconnectQuietly();
                return null;
            });
        } catch (CardGoneException e) {
            LOG.debug("disconnect from {}: {}", name(), e.getMessage());
        }
    }

    // Runs on the reader's thread; a card that left answers with CardException, or (jCardSim, some
    // pcsc-lite versions) with IllegalStateException / IllegalArgumentException: all mean "card gone".
    <T> T call(Callable<T> pcscCall) throws CardGoneException {
        Future<T> result = thread.submit(pcscCall);
        try {
            return result.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CardException || cause instanceof IllegalStateException
                    || cause instanceof IllegalArgumentException || cause instanceof SecurityException) {
                dropConnection();
                throw new CardGoneException(name() + ": " + describe(cause), cause);
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        } catch (TimeoutException e) {
            result.cancel(true);
            dropConnection();
            throw new CardGoneException(name() + ": no answer within " + CALL_TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CardGoneException(name() + ": interrupted", e);
        }
    }

    private static String describe(Throwable t) {
        Throwable root = t.getCause() != null ? t.getCause() : t;
        return t.getMessage() + (root != t ? " (" + root.getMessage() + ")" : "");
    }

    private void dropConnection() {
        thread.submit(this::disconnectQuietly);
    }

    private void disconnectQuietly() {
        Card old = card;
        card = null;
        channel = null;
        if (old != null) {
            try {
                old.disconnect(false);
            } catch (CardException | IllegalStateException e) {
                LOG.debug("disconnect from {}: {}", terminal.getName(), e.getMessage());
            }
        }
    }

    /** Disconnects and ends the reader's thread, waiting for a PC/SC call under way (up to its timeout). */
    @Override
    public void close() {
        disconnect();
        thread.shutdown();
        try {
            if (!thread.awaitTermination(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("a PC/SC call to {} still runs after {} s; interrupting it", name(), CALL_TIMEOUT.toSeconds());
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "PcscReader[" + name() + "]";
    }
}
