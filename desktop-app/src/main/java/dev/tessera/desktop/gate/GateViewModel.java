package dev.tessera.desktop.gate;

import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.client.CenterException;
import dev.tessera.client.CenterUnreachableException;
import dev.tessera.contract.gate.GateCount;
import dev.tessera.desktop.counter.VirtualChips;
import dev.tessera.desktop.counter.VirtualChips.VirtualChip;
import dev.tessera.desktop.ui.ErrorMessages;
import dev.tessera.desktop.ui.Message;
import dev.tessera.desktop.workspace.ViewModelWorkspace;
import dev.tessera.desktop.workspace.WorkspaceContext;
import dev.tessera.reader.gate.Verdict;
import dev.tessera.reader.wallet.WalletCard;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gate's screen state (claim 67): the shift's event and gate, the last answer, counts and the last scans,
 * and the online banner. Scans, taps and syncing run on the task executor; the UI thread never waits.
 */
public final class GateViewModel implements ViewModelWorkspace.Model {
    private static final Logger LOG = LoggerFactory.getLogger(GateViewModel.class);
    /** How often an online gate reports admissions and reads the counts of all gates. */
    public static final Duration SYNC_PERIOD = Duration.ofSeconds(3);
    /**
     * How often an online gate reads the revocations added since the last it holds (issue 14: a lost card's tickets
     * refused within 5 s): one small request, apart from the sync so that a slow report does not hold it up.
     */
    public static final Duration REVOCATION_PERIOD = Duration.ofSeconds(1);
    /** How often it downloads the gate package and revocations again. */
    public static final Duration REFRESH_PERIOD = Duration.ofSeconds(60);
    static final int RECENT = 12;

    /** One line of the counts table: admitted at a gate by this terminal and by all terminals (null offline). */
    public record GateLine(String gateId, int here, Integer all) {}

    private final WorkspaceContext ctx;
    private final VirtualChips tray;
    private final ObservableList<EventInfo> events = FXCollections.observableArrayList();
    private final ObjectProperty<EventInfo> event = new SimpleObjectProperty<>();
    private final ObservableList<String> gates = FXCollections.observableArrayList();
    private final StringProperty gate = new SimpleStringProperty();
    private final ReadOnlyObjectWrapper<GateStation> station = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper starting = new ReadOnlyBooleanWrapper();
    private final StringProperty code = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<GateStation.Answer> answer = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Instant> refreshedAt = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<GateScans.Counts> counts = new ReadOnlyObjectWrapper<>();
    private final ObservableList<GateLine> gateLines = FXCollections.observableArrayList();
    private final ObservableList<ScanRecord> recent = FXCollections.observableArrayList();
    private final ObservableList<GateStation.AreaLine> areas = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Message> notice = new ReadOnlyObjectWrapper<>(Message.of("gate.shift.choose"));
    private final ReadOnlyBooleanWrapper noticeIsProblem = new ReadOnlyBooleanWrapper();
    private final ObservableList<VirtualChip> chips = FXCollections.observableArrayList();
    private final ObjectProperty<VirtualChip> chip = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Message> reader = new ReadOnlyObjectWrapper<>();
    private PcscGateReader pcsc;
    private Map<String, Integer> centerCounts;
    private Future<?> nextSync;
    private Future<?> nextCatchUp;
    private Instant lastRefresh = Instant.MIN;
    private volatile boolean closed;

    public GateViewModel(WorkspaceContext ctx) {
        this.ctx = ctx;
        this.tray = ctx.virtualChips();
        ctx.pcscReader().ifPresent(name -> reader.set(Message.of("gate.reader.startShift", name)));
        event.addListener((obs, old, now) -> {
            gates.setAll(now == null ? List.of() : now.gates());
            gate.set(gates.isEmpty() ? null : gates.getFirst());
        });
    }

    /** The published events to choose from. */
    public void load() {
        refreshChips();
        ctx.tasks().execute(() -> ctx.session().events(), list -> {
            events.setAll(list);
            if (event.get() == null && !list.isEmpty()) {
                event.set(list.getFirst());
            }
        }, this::problem);
    }

    /** Starts the shift at the chosen event and gate: downloads (or reads the cached) gate package. */
    public void startShift() {
        EventInfo e = event.get();
        String g = gate.get();
        if (e == null || g == null || starting.get()) {
            notice(Message.of("gate.shift.choose"), true);
            return;
        }
        starting.set(true);
        notice(Message.of("gate.shift.starting", e.name(), g), false);
        ctx.tasks().execute(() -> GateStation.open(ctx.session(), ctx.ledger(), e, g, ctx.clock()), opened -> {
            starting.set(false);
            if (closed) {
                return;
            }
            station.set(opened);
            lastRefresh = opened.refreshedAt();
            refreshedAt.set(opened.refreshedAt());
            notice(Message.of("gate.shift.ready", opened.chipCount(), opened.revokedCount()), false);
            showLedger(opened);
            scheduleSync(Duration.ZERO);
            scheduleCatchUp();
            watchReader();
        }, failure -> {
            starting.set(false);
            notice(failure instanceof CenterException ? ErrorMessages.of(failure)
                    : Message.of("gate.shift.failed", failure.getMessage()), true);
            if (!(failure instanceof CenterException)) {
                LOG.error("the gate shift could not start", failure);
            }
        });
    }

    /** Enter in the scan field: the scanner typed a paper ticket's QR text. */
    public void submitCode() {
        String text = code.get() == null ? "" : code.get().strip();
        code.set("");
        GateStation s = station.get();
        if (text.isEmpty() || s == null) {
            return;
        }
        check(() -> s.scanPaper(text));
    }

    /** The chip chosen on the tray is put on the gate's reader: one tap. */
    public void tapChip() {
        VirtualChip c = chip.get();
        GateStation s = station.get();
        if (c == null || s == null) {
            return;
        }
        check(() -> {
            synchronized (tray) {
                tray.put(c);
                try {
                    return tapAndRefresh(s, tray::tap);
                } finally {
                    tray.takeOff();
                }
            }
        });
    }

    /** A card arrived on the real reader (UI thread): one tap. */
    private void cardOnReader(PcscGateReader.Card card) {
        GateStation s = station.get();
        if (s != null && !closed) {
            check(() -> tapAndRefresh(s, card::open));
        }
    }

    private GateStation.Answer tapAndRefresh(GateStation s, Callable<WalletCard> card) throws Exception {
        GateStation.Answer a = s.tap(card.call());
        if (a.scan().verdict() == Verdict.UNKNOWN_CHIP && ctx.status().onlineProperty().get()) {
            // a card issued after the last download: fetch the package now rather than send the guest away
            try {
                s.refresh(ctx.session());
            } catch (CenterException e) {
                return a;
            }
            a = s.tap(card.call());
        }
        return a;
    }

    /** With a PC/SC reader chosen in Settings: watch it from the start of the shift; each card is one tap. */
    private synchronized void watchReader() {
        if (pcsc != null || closed) {
            return;
        }
        ctx.pcscReader().ifPresent(name -> pcsc = new PcscGateReader(name, ctx.tasks(), new SecureRandom(),
                state -> ctx.tasks().runOnUiThread(() -> reader.set(describe(state))),
                card -> ctx.tasks().runOnUiThread(() -> cardOnReader(card))).start());
    }

    /** The real reader being watched, once the shift has started with one chosen in Settings. */
    synchronized Optional<PcscGateReader> pcscReader() {
        return Optional.ofNullable(pcsc);
    }

    static Message describe(PcscGateReader.State state) {
        return switch (state) {
            case PcscGateReader.State.Ready r -> Message.of("gate.reader.ready", r.reader());
            case PcscGateReader.State.NotConnected n -> Message.of("gate.reader.notConnected", n.wanted());
            case PcscGateReader.State.ServiceDown d -> Message.of("gate.reader.serviceDown", d.reason());
        };
    }

    private void check(Callable<GateStation.Answer> work) {
        checking.set(true);
        GateStation s = station.get();
        ctx.tasks().execute(work, a -> {
            checking.set(false);
            answer.set(a);
            showLedger(s);
            if (a.scan().admitted()) {
                scheduleSync(Duration.ZERO);
            }
        }, failure -> {
            checking.set(false);
            LOG.error("a gate check failed", failure);
            notice(Message.of("gate.check.failed", failure.getMessage()), true);
        });
    }

    /** F5: downloads the gate package and revocations now and reports what is waiting. */
    public void refreshNow() {
        GateStation s = station.get();
        if (s == null) {
            load();
            return;
        }
        run(() -> {
            s.refresh(ctx.session());
            return s.refreshedAt();
        }, at -> {
            lastRefresh = at;
            refreshedAt.set(at);
            notice(Message.of("gate.refresh.done", s.chipCount(), s.revokedCount()), false);
            scheduleSync(Duration.ZERO);
        });
    }

    private synchronized void scheduleSync(Duration delay) {
        if (closed) {
            return;
        }
        if (nextSync != null) {
            nextSync.cancel(false);
        }
        nextSync = ctx.tasks().schedule(delay, this::syncOnce);
    }

    private synchronized void scheduleCatchUp() {
        if (!closed) {
            nextCatchUp = ctx.tasks().schedule(REVOCATION_PERIOD, this::catchUpOnce);
        }
    }

    /** On a task thread, while online: the revocations added since the last this gate holds. */
    private void catchUpOnce() {
        GateStation s = station.get();
        try {
            if (s != null && !closed && ctx.status().onlineProperty().get()) {
                s.catchUpRevocations(ctx.session());
            }
        } catch (java.io.IOException | RuntimeException e) {
            LOG.debug("reading new revocations failed; again in {} s", REVOCATION_PERIOD.toSeconds(), e);
        } finally {
            scheduleCatchUp();
        }
    }

    /** On a task thread: report admissions, read the counts of all gates, refresh the package when due. */
    private void syncOnce() {
        GateStation s = station.get();
        if (s == null || closed) {
            return;
        }
        try {
            GateStation.Reported reported = s.report(ctx.session());
            List<GateCount> all = s.centerCounts(ctx.session());
            Instant refreshed = null;
            if (ctx.clock().instant().isAfter(lastRefresh.plus(REFRESH_PERIOD))) {
                s.refresh(ctx.session());
                refreshed = s.refreshedAt();
            }
            Instant newRefresh = refreshed;
            ctx.tasks().runOnUiThread(() -> {
                Map<String, Integer> byGate = new LinkedHashMap<>();
                all.forEach(c -> byGate.put(c.gateId(), c.admitted()));
                centerCounts = byGate;
                if (newRefresh != null) {
                    lastRefresh = newRefresh;
                    refreshedAt.set(newRefresh);
                }
                if (!reported.duplicates().isEmpty()) {
                    ScanRecord d = reported.duplicates().getLast();
                    GateStation.SeatInfo seat = s.seat(d.seatId());
                    notice(Message.of("gate.sync.duplicate", reported.duplicates().size(),
                            seat == null ? "" : seat.section(), seat == null ? "" : seat.row(),
                            seat == null ? d.seatId() : seat.seat(), d.usedAtGate() == null ? "?" : d.usedAtGate(),
                            java.util.Date.from(d.usedAt() == null ? d.at() : d.usedAt())), true);
                } else if (reported.sent() > 0) {
                    notice(Message.of("gate.sync.reported", reported.sent()), false);
                }
                showLedger(s);
            });
        } catch (CenterUnreachableException e) {
            ctx.tasks().runOnUiThread(() -> {
                centerCounts = null;
                showLedger(s);
            });
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warn("gate sync failed; it runs again in {} s", SYNC_PERIOD.toSeconds(), e);
        } finally {
            scheduleSync(SYNC_PERIOD);
        }
    }

    /** Counts and last scans from the ledger; cheap, on the UI thread after each scan and sync. */
    private void showLedger(GateStation s) {
        // a sync's answer may reach the UI thread after the workspace closed and its ledger with it
        if (s == null || closed) {
            return;
        }
        GateScans.Counts c = s.counts();
        counts.set(c);
        Map<String, Integer> all = centerCounts;
        java.util.TreeSet<String> names = new java.util.TreeSet<>(c.admittedByGate().keySet());
        names.add(s.gateId());
        if (all != null) {
            names.addAll(all.keySet());
        }
        gateLines.setAll(names.stream().map(g -> new GateLine(g, c.admittedByGate().getOrDefault(g, 0),
                all == null ? null : all.getOrDefault(g, 0))).toList());
        recent.setAll(s.recent(RECENT));
        areas.setAll(s.areas());
        refreshChips();
    }

    /**
     * Issue 18: marks a standing area full at the door, or opens it again: at this gate at once (offline too), then
     * at the center for the other gates with the next report (kept in the ledger until the center has it).
     */
    public void markAreaFull(String areaId, boolean full) {
        GateStation s = station.get();
        if (s == null) {
            return;
        }
        run(() -> {
            s.markAreaFull(areaId, full);
            return areaId;
        }, marked -> {
            showLedger(s);
            // the next report tells the center, with the admissions, and again after an outage
            scheduleSync(Duration.ZERO);
        });
    }

    public ObservableList<GateStation.AreaLine> areas() {
        return areas;
    }

    public void refreshChips() {
        VirtualChip selected = chip.get();
        chips.setAll(tray.chips());
        if (selected != null) {
            chips.stream().filter(c -> c.number() == selected.number()).findFirst().ifPresent(chip::set);
        }
    }

    private <T> void run(Callable<T> work, Consumer<T> done) {
        ctx.tasks().execute(work, done, this::problem);
    }

    private void problem(Exception failure) {
        notice(ErrorMessages.of(failure), true);
    }

    private void notice(Message message, boolean problem) {
        notice.set(message);
        noticeIsProblem.set(problem);
    }

    public ObservableList<EventInfo> events() {
        return events;
    }

    public ObjectProperty<EventInfo> eventProperty() {
        return event;
    }

    public ObservableList<String> gates() {
        return gates;
    }

    public StringProperty gateProperty() {
        return gate;
    }

    public ReadOnlyObjectProperty<GateStation> stationProperty() {
        return station.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty startingProperty() {
        return starting.getReadOnlyProperty();
    }

    public StringProperty codeProperty() {
        return code;
    }

    public ReadOnlyObjectProperty<GateStation.Answer> answerProperty() {
        return answer.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> refreshedAtProperty() {
        return refreshedAt.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<GateScans.Counts> countsProperty() {
        return counts.getReadOnlyProperty();
    }

    public ObservableList<GateLine> gateLines() {
        return gateLines;
    }

    public ObservableList<ScanRecord> recent() {
        return recent;
    }

    public ReadOnlyObjectProperty<Message> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty noticeIsProblemProperty() {
        return noticeIsProblem.getReadOnlyProperty();
    }

    public ObservableList<VirtualChip> chips() {
        return chips;
    }

    public ObjectProperty<VirtualChip> chipProperty() {
        return chip;
    }

    /** The PC/SC reader chosen in Settings; empty when the gate uses the simulated reader and its tray. */
    public java.util.Optional<String> pcscReaderName() {
        return ctx.pcscReader();
    }

    /** What the real reader is doing (ready, not connected, service down); null with the simulated reader. */
    public ReadOnlyObjectProperty<Message> readerProperty() {
        return reader.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty onlineProperty() {
        return ctx.status().onlineProperty();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (nextSync != null) {
            nextSync.cancel(false);
        }
        if (nextCatchUp != null) {
            nextCatchUp.cancel(false);
        }
        if (pcsc != null) {
            pcsc.close();
        }
    }
}
