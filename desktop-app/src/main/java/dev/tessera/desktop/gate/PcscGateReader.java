package dev.tessera.desktop.gate;

import dev.tessera.desktop.ui.TaskExecutor;
import dev.tessera.reader.pcsc.PcscReader;
import dev.tessera.reader.pcsc.ReaderMonitor;
import dev.tessera.reader.pcsc.ReaderUnavailableException;
import dev.tessera.reader.pcsc.Readers;
import dev.tessera.reader.wallet.CardGoneException;
import dev.tessera.reader.wallet.CardTransport;
import dev.tessera.reader.wallet.WalletCard;
import dev.tessera.reader.wallet.WalletException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gate's contactless reader on the PC/SC service, found by (part of) its name: every card that arrives in the
 * field is one tap, handed over connected. No button to press: the guest holds the card to the reader. A reader
 * that is unplugged is looked for again every {@link #LOOK_AGAIN}, so gate staff only plug it back in.
 */
public final class PcscGateReader implements AutoCloseable {
    /** What the gate shows about its reader. */
    public sealed interface State {
        /** The reader is there and waits for a card. */
        record Ready(String reader) implements State {}

        /** No reader of that name is plugged in. */
        record NotConnected(String wanted) implements State {}

        /** The smart-card service (pcscd) cannot be reached. */
        record ServiceDown(String reason) implements State {}
    }

    /** A card in the field, connected; each {@link #open} gives a fresh view of it for one check. */
    @FunctionalInterface
    public interface Card {
        WalletCard open() throws WalletException;
    }

    static final Duration POLL = Duration.ofMillis(150);
    static final Duration LOOK_AGAIN = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(PcscGateReader.class);

    private final String name;
    private final SecureRandom random;
    private final Consumer<State> onState;
    private final Consumer<Card> onCard;
    private final TaskExecutor tasks;
    private Future<?> nextLook;
    private PcscReader reader;
    private ReaderMonitor monitor;
    private boolean closed;
    private volatile boolean cardInField;

    /**
     * @param onState called on a background thread when the reader comes or goes
     * @param onCard  called on a background thread with each card that arrives, connected
     */
    public PcscGateReader(String name, TaskExecutor tasks, SecureRandom random, Consumer<State> onState,
                          Consumer<Card> onCard) {
        this.name = name;
        this.tasks = tasks;
        this.random = random;
        this.onState = onState;
        this.onCard = onCard;
    }

    public String name() {
        return name;
    }

    /** Starts looking for the reader, at once and then whenever it is gone. */
    public PcscGateReader start() {
        lookAfter(Duration.ZERO);
        return this;
    }

    private synchronized void lookAfter(Duration delay) {
        if (!closed) {
            nextLook = tasks.schedule(delay, this::findWhenMissing);
        }
    }

    private void findWhenMissing() {
        try {
            find();
        } finally {
            lookAfter(LOOK_AGAIN);
        }
    }

    private synchronized void find() {
        if (closed || monitor != null) {
            return;
        }
        Optional<javax.smartcardio.CardTerminal> found;
        try {
            found = Readers.find(Readers.pcsc(), name);
        } catch (ReaderUnavailableException e) {
            onState.accept(new State.ServiceDown(e.getMessage()));
            return;
        }
        if (found.isEmpty()) {
            onState.accept(new State.NotConnected(name));
            return;
        }
        PcscReader opened = new PcscReader(found.get());
        reader = opened;
        monitor = new ReaderMonitor(opened, event -> arrived(opened, event)).start(POLL);
        LOG.info("gate reader {} found", opened.name());
        onState.accept(new State.Ready(opened.name()));
    }

    private void arrived(PcscReader from, ReaderMonitor.Event event) {
        cardInField = event == ReaderMonitor.Event.CARD_PRESENT;
        switch (event) {
            case CARD_PRESENT -> {
                try {
                    CardTransport connected = from.reconnect();
                    onCard.accept(() -> new WalletCard(connected, WalletCard.LengthMode.EXTENDED, random));
                } catch (CardGoneException e) {
                    LOG.debug("a card left {} before it could be read: {}", from.name(), e.getMessage());
                }
            }
            case CARD_ABSENT -> { }
            case READER_UNAVAILABLE -> lost(from);
        }
    }

    /** The reader went away: drop it, say so, and let the finder look for it again. */
    private synchronized void lost(PcscReader gone) {
        if (reader != gone) {
            return;
        }
        LOG.warn("gate reader {} is gone; looking for it every {} s", gone.name(), LOOK_AGAIN.toSeconds());
        dropReader();
        if (!closed) {
            onState.accept(new State.NotConnected(name));
        }
    }

    private void dropReader() {
        if (monitor != null) {
            monitor.close();
            monitor = null;
        }
        if (reader != null) {
            reader.close();
            reader = null;
        }
        cardInField = false;
    }

    /** Whether the reader last saw a card in its field: the next tap needs the card taken away first. */
    boolean cardInField() {
        return cardInField;
    }

    /** Stops looking for the reader and stops its monitor, waiting for a poll under way. */
    @Override
    public void close() {
        ReaderMonitor stoppedMonitor;
        PcscReader stoppedReader;
        synchronized (this) {
            closed = true;
            if (nextLook != null) {
                nextLook.cancel(false);
            }
            stoppedMonitor = monitor;
            stoppedReader = reader;
            monitor = null;
            reader = null;
            cardInField = false;
        }
        // outside the lock: the monitor's last poll may be waiting for it in lost()
        if (stoppedMonitor != null) {
            stoppedMonitor.close();
        }
        if (stoppedReader != null) {
            stoppedReader.close();
        }
    }
}
