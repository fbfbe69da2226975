package dev.tessera.center.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tessera.center.account.AccountService;
import dev.tessera.center.db.Database;
import dev.tessera.center.db.PgChannel;
import dev.tessera.center.event.EventService;
import dev.tessera.center.live.AvailabilityService;
import dev.tessera.contract.availability.AreaCount;
import dev.tessera.center.live.SeatStatusFeed;
import dev.tessera.contract.availability.SeatChanges;
import dev.tessera.contract.availability.SeatChange;
import dev.tessera.contract.availability.AvailabilityDelta;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several center instances on one PostgreSQL database (issue 16): each instance tells the others, over one
 * LISTEN/NOTIFY channel, of the seat changes it made (their terminals' live streams get them), of sign-outs (their
 * session caches drop the token) and of changed events (their event caches drop it).
 *
 * <p>A notification nobody hears is lost, so an instance that loses its listening connection stops trusting its
 * session cache at once, connects again, and then reads every watched event's seats changed after the last revision
 * it delivered ({@link AvailabilityService#since}); it does the same every {@link #CATCH_UP_MILLIS} in case an
 * instance died between its commit and its notification.
 *
 * <p>Seat changes are sent only while another instance listens (issue 13: a notification is a transaction of its own
 * in PostgreSQL, with its own commit, and a lone center sent one for every hold and sale to nobody). An instance knows
 * the others by their notification connections' application name, counted when it starts listening and at every
 * catch-up; one that starts listening says hello, so the instances already running send it their seat changes from
 * then on; what they changed before that it reads at its catch-up. Sign-outs and event changes are always sent.
 */
public final class ClusterNotifications implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterNotifications.class);
    static final String CHANNEL = "tessera_cluster";
    /** The notification an instance sends when it starts listening. */
    private static final String HELLO = "H";
    private static final int POLL_MILLIS = 250;
    static final long CATCH_UP_MILLIS = 2_000;
    private static final long RECONNECT_MILLIS = 500;
    private static final long FIRST_LISTEN_SECONDS = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;
    private final SeatStatusFeed feed;
    private final AvailabilityService availability;
    private final AccountService accounts;
    private final EventService events;
    /** Tells this instance's own notifications from the others' (it hears its own too). */
    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final CountDownLatch firstListen = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean listening;
    /** Whether another instance listens (true until known, and while this one does not hear the cluster). */
    private volatile boolean othersListen = true;

    private ClusterNotifications(Database db, SeatStatusFeed feed, AvailabilityService availability,
                                 AccountService accounts, EventService events) {
        this.db = db;
        this.feed = feed;
        this.availability = availability;
        this.accounts = accounts;
        this.events = events;
        this.thread = Thread.ofPlatform().daemon().name("cluster-notifications").unstarted(this::run);
    }

    /** Starts listening and relaying; the session cache is not trusted until the first connection listens. */
    public static ClusterNotifications start(Database db, SeatStatusFeed feed, AvailabilityService availability,
                                             AccountService accounts, EventService events) {
        ClusterNotifications cluster = new ClusterNotifications(db, feed, availability, accounts, events);
        accounts.trustCache(false);
        feed.relayTo(cluster::sendSeats);
        accounts.onSignOut(hash -> cluster.send("O", hash));
        events.onChange(eventId -> cluster.send("E", Long.toString(eventId)));
        cluster.thread.start();
        // until its notification connection holds the instance's lock, the others would take this one for dead
        try {
            if (!cluster.firstListen.await(FIRST_LISTEN_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("not yet listening to the other center instances after {} s; going on", FIRST_LISTEN_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return cluster;
    }

    /** True while this instance hears the others. */
    public boolean listening() {
        return listening;
    }

    /** True while another center instance listens: this one sends them its seat changes. */
    public boolean othersListen() {
        return othersListen;
    }

    private void sendSeats(SeatChanges changes) {
        if (!othersListen) {
            return;
        }
        String json = json(changes);
        if (json.getBytes(StandardCharsets.UTF_8).length < PgChannel.MAX_PAYLOAD_BYTES - 20 || changes.seats().size() < 2) {
            send("S", json);
            return;
        }
        // a long change (a big hold, a journal) goes in halves: PostgreSQL refuses a payload of 8,000 bytes
        int half = changes.seats().size() / 2;
        sendSeats(new SeatChanges(changes.eventId(), changes.seats().subList(0, half), changes.areas()));
        sendSeats(new SeatChanges(changes.eventId(), changes.seats().subList(half, changes.seats().size()), List.of()));
    }

    /**
     * Tells the other instances, after the change committed: a failure here must not turn a done sale or sign-out into
     * an error for its client. One more try on another pooled connection (the pool drops one a restarted database
     * broke); then a warning, and the others catch up from the database (seats within {@link #CATCH_UP_MILLIS}; an
     * instance that lost the channel reads sessions from the database until it hears it again).
     */
    private void send(String kind, String data) {
        for (int attempt = 1; ; attempt++) {
            try {
                PgChannel.send(db, CHANNEL, instance + " " + kind + " " + data);
                return;
            } catch (DataAccessException e) {
                if (attempt >= 2) {
                    LOG.warn("could not notify the other center instances of a {} change ({}); they read it from the "
                            + "database", KINDS.getOrDefault(kind, kind),
                            // the driver's words only: jOOQ's message names the statement, whose payload may be a
                            // session's hash
                            java.util.Objects.requireNonNullElse(e.getCause(), e).getMessage());
                    return;
                }
            }
        }
    }

    private static final java.util.Map<String, String> KINDS = java.util.Map.of("S", "seat", "O", "sign-out",
            "E", "event", HELLO, "hello");

    private void run() {
        while (closed.getCount() > 0) {
            try (PgChannel.Listener listener = PgChannel.listen(db, CHANNEL)) {
                othersListen = listener.otherInstances() > 0;
                listening = true;
                accounts.trustCache(true);
                // the instances already running send this one their seat changes once they hear it
                send(HELLO, "-");
                firstListen.countDown();
                LOG.info("listening to the other center instances (instance {})", instance);
                catchUp();
                long nextCatchUp = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CATCH_UP_MILLIS);
                while (closed.getCount() > 0) {
                    for (String payload : listener.poll(POLL_MILLIS)) {
                        receive(payload);
                    }
                    if (System.nanoTime() - nextCatchUp > 0) {
                        othersListen = listener.otherInstances() > 0;
                        catchUp();
                        nextCatchUp = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CATCH_UP_MILLIS);
                    }
                }
            } catch (DataAccessException e) {
                if (listening) {
                    LOG.warn("lost the other center instances' notifications ({}); sessions are read from the "
                            + "database until they are heard again", e.getMessage());
                }
            } catch (RuntimeException e) {
                LOG.warn("cluster notifications failed; listening again", e);
            } finally {
                listening = false;
                othersListen = true;
                accounts.trustCache(false);
            }
            try {
                closed.await(RECONNECT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void receive(String payload) {
        String[] parts = payload.split(" ", 3);
        if (parts.length != 3 || parts[0].equals(instance)) {
            return;
        }
        othersListen = true;
        try {
            switch (parts[1]) {
                case HELLO -> LOG.debug("center instance {} listens too", parts[0]);
                case "S" -> feed.publishFromElsewhere(JSON.readValue(parts[2], SeatChanges.class));
                case "O" -> accounts.forgetSession(parts[2]);
                case "E" -> events.forgetHere(Long.parseLong(parts[2]));
                default -> LOG.debug("ignoring a cluster notification of kind {}", parts[1]);
            }
        } catch (JsonProcessingException | NumberFormatException e) {
            LOG.warn("ignoring an unreadable cluster notification: {}", e.getMessage());
        }
    }

    /** Delivers what the watched events changed after the last revision this instance delivered. */
    private void catchUp() {
        for (Map.Entry<Long, Long> watched : feed.watchedRevisions().entrySet()) {
            long after = watched.getValue();
            AvailabilityDelta delta = availability.since(watched.getKey(), after);
            List<SeatChange> seats = delta.changes();
            List<AreaCount> areas = delta.areas().stream().filter(a -> a.revision() > after).toList();
            if (!seats.isEmpty() || !areas.isEmpty()) {
                LOG.debug("caught up {} seat changes of event {} after revision {}", seats.size(), watched.getKey(),
                        after);
                feed.publishFromElsewhere(new SeatChanges(watched.getKey(), seats, areas));
            }
        }
    }

    private static String json(SeatChanges changes) {
        try {
            return JSON.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a seat change is always writable", e);
        }
    }

    @Override
    public void close() {
        closed.countDown();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
