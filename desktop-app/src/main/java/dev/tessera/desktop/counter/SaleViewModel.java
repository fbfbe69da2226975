package dev.tessera.desktop.counter;

import dev.tessera.contract.sales.IssuedTicket;
import dev.tessera.core.seatmap.Category;
import dev.tessera.core.seatmap.Seat;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.designer.availability.SeatStatus;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.core.model.Hold;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.client.CenterUnreachableException;
import dev.tessera.contract.sales.Customer;
import dev.tessera.contract.sales.Payment;
import dev.tessera.contract.sales.SaleResult;
import dev.tessera.core.model.SellerAuthorization;
import dev.tessera.desktop.events.SeatAvailabilityViewModel;
import dev.tessera.desktop.ui.Feedback;
import dev.tessera.desktop.ui.Message;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.LongBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.collections.ObservableSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sale at the counter (flow 2, claims 19, 29, 62, 66): pick seats and standing places, hold them with a countdown,
 * confirm with the customer ({@link CustomerViewModel}) and the payment ({@link PaymentViewModel}), then the tickets to
 * the chip ({@link ChipWritingViewModel}) or onto paper ({@link PaperSaleViewModel}), and the receipt with its voids
 * ({@link ReceiptViewModel}). When the center is out of reach it sells inside this seller's allocation (flow 3).
 * Shown by {@link SaleView}.
 */
public final class SaleViewModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SaleViewModel.class);

    private final CounterContext ctx;
    private final SalePipeline pipeline;
    private final OfflineSeller offline;
    private final SeatAvailabilityViewModel seats;
    private final ObservableList<EventInfo> events = FXCollections.observableArrayList();
    private final ObjectProperty<EventInfo> event = new SimpleObjectProperty<>();
    private final ObservableSet<String> picked = FXCollections.observableSet(new HashSet<>());
    /** Issue 18: standing places picked (or held) per general-admission area id. */
    private final ObservableMap<String, Integer> standing = FXCollections.observableHashMap();
    private final IntegerProperty bestCount = new SimpleIntegerProperty(2);
    private final ObjectProperty<Category> bestCategory = new SimpleObjectProperty<>();
    private final ObservableList<Category> categories = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Hold> hold = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper countdown = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<SalePhase> phase = new ReadOnlyObjectWrapper<>(SalePhase.PICKING);
    private final Feedback feedback = new Feedback(Message.of("counter.hint.pick"));
    private final ReadOnlyObjectWrapper<SellerAuthorization> authorization = new ReadOnlyObjectWrapper<>();
    private final LongBinding pendingTotal;
    private final CustomerViewModel customer;
    private final PaymentViewModel payment;
    private final ChipWritingViewModel chip;
    private final PaperSaleViewModel paper;
    private final ReceiptViewModel receipt;
    private final EverySecond ticker;
    private SaleResult sale;

    public SaleViewModel(CounterContext ctx, SeatAvailabilityViewModel seats) {
        this(ctx, seats, EverySecond::timeline);
    }

    /** @param ticking what calls the hold's countdown once a second */
    public SaleViewModel(CounterContext ctx, SeatAvailabilityViewModel seats, Function<Runnable, EverySecond> ticking) {
        this.ctx = ctx;
        this.seats = seats;
        this.pipeline = new SalePipeline(ctx.session(), ctx.journal(), new ChipDesk(ctx.session()));
        this.offline = new OfflineSeller(ctx.journal(), ctx.terminal(), ctx.clock());
        this.ticker = ticking.apply(this::tick);
        this.pendingTotal = Bindings.createLongBinding(this::pendingTotalMinor, picked, standing, event,
                seats.seatMapProperty());
        this.customer = new CustomerViewModel(ctx, feedback, phase::get);
        this.payment = new PaymentViewModel(feedback, event.map(EventInfo::currency), pendingTotal);
        this.chip = new ChipWritingViewModel(ctx, pipeline, feedback, phase);
        this.paper = new PaperSaleViewModel(ctx, feedback);
        this.receipt = new ReceiptViewModel(ctx, pipeline, feedback, picked::remove);
        event.addListener((obs, old, now) -> {
            customer.attendeeForm().requiredProperty().set(now != null && now.attendeeNamesRequired());
            if (old == null || now == null || old.id() != now.id()) {
                eventChanged(now);
            }
        });
        seats.seatMapProperty().addListener((obs, old, map) -> {
            categories.setAll(map == null ? List.of() : map.categories());
            if (map != null && !map.categories().isEmpty()) {
                bestCategory.set(map.categories().getFirst());
            }
        });
    }

    public void load() {
        run(() -> ctx.session().events(), list -> {
            events.setAll(list.stream().sorted(Comparator.comparing(EventInfo::startsAt)).toList());
            if (event.get() == null && !events.isEmpty()) {
                event.set(events.getFirst());
            }
            feedback.say(Message.of("counter.hint.pick"));
        });
    }

    private void eventChanged(EventInfo now) {
        newSale();
        seats.show(now);
        if (now == null) {
            return;
        }
        long eventId = now.id();
        String login = ctx.terminal().loginId();
        // the allocation and prices are cached while online: flow 3 sells from them when the center is away
        ctx.tasks().execute(() -> {
            try {
                String json = ctx.session().myAuthorizationJson(eventId);
                ctx.journal().ledger().cacheAuthorization(login, eventId, json);
                ctx.journal().ledger().cacheEvent(eventId, CenterSession.json(now));
                return CenterSession.readAuthorization(json);
            } catch (CenterUnreachableException e) {
                return ctx.journal().ledger().cachedAuthorization(login, eventId)
                        .map(CenterSession::readAuthorization).orElse(null);
            }
        }, authorization::set, failure -> {
            LOG.info("no allocation for event {}: {}", eventId, failure.getMessage());
            authorization.set(null);
        });
    }

    /** A click on the seat map: a free seat joins the selection, a picked one leaves it. */
    public void toggleSeat(String seatId) {
        if (phase.get() != SalePhase.PICKING) {
            return;
        }
        if (picked.contains(seatId)) {
            picked.remove(seatId);
        } else if (seats.status(seatId) == SeatStatus.FREE) {
            picked.add(seatId);
        }
    }

    public void holdPicked() {
        EventInfo e = event.get();
        if (e == null || (picked.isEmpty() && standing.isEmpty()) || phase.get() != SalePhase.PICKING) {
            return;
        }
        if (!online()) {
            int places = standing.values().stream().mapToInt(Integer::intValue).sum();
            feedback.say(Message.of("counter.offline.readyToSell", picked.size() + places));
            return;
        }
        List<String> ids = List.copyOf(picked);
        if (standing.isEmpty()) {
            run(() -> pipeline.holdSeats(e.id(), ids), this::held);
            return;
        }
        // issue 18: one hold, one sale, for the seats and the standing places together
        Map<String, Integer> places = new java.util.TreeMap<>(standing);
        run(() -> pipeline.holdMixed(e.id(), ids, places), this::held);
    }

    /**
     * Issue 18: the number of standing places wanted in a general-admission area (0 takes the area out of the
     * basket); while picking only.
     */
    public void setStanding(String areaId, int quantity) {
        if (phase.get() != SalePhase.PICKING) {
            return;
        }
        if (quantity <= 0) {
            standing.remove(areaId);
        } else {
            standing.put(areaId, quantity);
        }
    }

    /** Issue 18: standing places picked or held, per area id. */
    public ObservableMap<String, Integer> standing() {
        return standing;
    }

    /** Issue 18: the places the center says are left in an area, or null before it said. */
    public Integer remaining(String areaId) {
        var count = seats.areas().get(areaId);
        return count == null ? null : count.remaining();
    }

    /** Ctrl+B: the best N seats together in the chosen category (claim 62). */
    public void holdBestAvailable() {
        EventInfo e = event.get();
        Category c = bestCategory.get();
        if (e == null || c == null || phase.get() != SalePhase.PICKING) {
            return;
        }
        int count = bestCount.get();
        run(() -> pipeline.holdBest(e.id(), count, c.id()), this::held);
    }

    private void held(Hold h) {
        hold.set(h);
        picked.clear();
        picked.addAll(h.seatIds());
        standing.clear();
        standing.putAll(h.areas());
        SeatMap map = seats.seatMapProperty().get();
        customer.held(map == null ? List.of() : AttendeeForm.places(map, h.seatIds(), h.areas()));
        phase.set(SalePhase.HELD);
        tick();
        ticker.start();
        feedback.say(Message.of("counter.hint.customer"));
    }

    public void releaseHold() {
        Hold h = hold.get();
        if (h == null || phase.get() != SalePhase.HELD) {
            return;
        }
        run(() -> {
            pipeline.release(h);
            return h;
        }, released -> newSale());
    }

    private void tick() {
        Hold h = hold.get();
        if (h == null || phase.get() != SalePhase.HELD) {
            countdown.set("");
            ticker.stop();
            return;
        }
        long seconds = java.time.Duration.between(ctx.clock().instant(), h.expiresAt()).toSeconds();
        if (seconds <= 0) {
            // claim 32: the hold lapsed at the center; the seats are for sale again
            newSale();
            feedback.say(Message.of("counter.hold.lapsed"));
            return;
        }
        countdown.set("%d:%02d".formatted(seconds / 60, seconds % 60));
    }

    public void confirm() {
        EventInfo e = event.get();
        if (e == null) {
            return;
        }
        if (!online() && phase.get() == SalePhase.PICKING && (!picked.isEmpty() || !standing.isEmpty())) {
            confirmOffline(e);
            return;
        }
        Hold h = hold.get();
        if (h == null || phase.get() != SalePhase.HELD) {
            return;
        }
        Customer buyer = customer.customer();
        if (buyer == null) {
            return;
        }
        Payment paid = payment.payment(e.currency());
        if (paid == null) {
            return;
        }
        List<String> attendees = customer.attendees(seats.seatMapProperty().get(), h);
        if (attendees == null || !customer.contactWellFormed()) {
            return;
        }
        var contact = customer.contact();
        run(() -> pipeline.confirm(h, buyer, paid, attendees, contact), result -> {
            ticker.stop();
            countdown.set("");
            sale = result;
            String saleChipId = result.tickets().stream().map(IssuedTicket::holderChipId)
                    .filter(id -> id != null && !id.isBlank()).findFirst().orElse(null);
            receipt.show(result, seats.seatMapProperty().get());
            if (saleChipId != null) {
                chip.await(result, saleChipId, Message.of("counter.chip.tap", CounterFailures.shortChip(saleChipId)));
                chip.writeToChip();
            } else {
                phase.set(SalePhase.DONE);
                paper.sold(result, paid.tenderedMinor());
            }
        });
    }

    /**
     * Claim 20: how a sale without a chip goes onto paper (tickets and receipt), and whether a paid paper sale prints
     * at once (Settings) or waits for Print.
     */
    public void printPaperWith(SalePaper output, java.util.function.BooleanSupplier atOnce) {
        paper.printWith(output, atOnce);
    }

    /** Finishes, after a restart, sales whose tickets never reached the chip: they wait for the card's tap. */
    public void resume(List<SaleRecovery.PendingIssue> pending) {
        if (pending.isEmpty() || phase.get() != SalePhase.PICKING) {
            return;
        }
        SaleRecovery.PendingIssue first = pending.getFirst();
        long total = first.tickets().stream().mapToLong(IssuedTicket::priceMinor).sum();
        EventInfo e = event.get();
        sale = new SaleResult(first.saleId(), 0, first.eventId(), 0, null, total, e == null ? "JPY" : e.currency(), 0,
                first.tickets());
        receipt.show(sale, seats.seatMapProperty().get());
        chip.await(sale, first.chipId(), Message.of("counter.chip.resume", CounterFailures.shortChip(first.chipId())));
    }

    private void confirmOffline(EventInfo e) {
        SeatMap map = seats.seatMapProperty().get();
        SellerAuthorization auth = authorization.get();
        if (map == null || auth == null) {
            feedback.say(Message.of("counter.offline.noAuthorization"));
            feedback.setFailed(true);
            return;
        }
        Set<String> sold = new HashSet<>(seats.seatsByStatus().getOrDefault(SeatStatus.SOLD, List.of()));
        List<String> ids = List.copyOf(picked);
        Map<String, Integer> places = Map.copyOf(standing);
        String method = payment.paymentMethodProperty().get();
        String reference = payment.reference();
        run(() -> offline.sell(e, map, auth, sold, ids, places, method, reference), result -> {
            List<ReceiptLine> lines = new ArrayList<>();
            for (var t : result.tickets()) {
                lines.add(ReceiptViewModel.line(map, t.ticketId().toString(), t.seatId(), t.priceMinor(), t.currency()));
            }
            receipt.showOffline(lines, result.totalMinor(), result.currency());
            phase.set(SalePhase.DONE);
            feedback.say(Message.of("counter.offline.done", lines.size()));
        });
    }

    /** Esc after a finished sale, or a fresh start: everything back to picking seats. */
    public void newSale() {
        ticker.stop();
        hold.set(null);
        countdown.set("");
        picked.clear();
        standing.clear();
        sale = null;
        chip.clear();
        customer.clear();
        payment.clear();
        receipt.clear();
        paper.clear();
        phase.set(SalePhase.PICKING);
        feedback.setFailed(false);
        feedback.say(Message.of("counter.hint.pick"));
    }

    /**
     * The picked or held seats by section and row in the map's order, one message a row ("Stalls · row A · seats
     * 11, 12, 13"), for the clerk to read back to the customer before taking the money.
     */
    public List<Message> pickedRows() {
        SeatMap map = seats.seatMapProperty().get();
        if (map == null || (picked.isEmpty() && standing.isEmpty())) {
            return List.of();
        }
        List<Message> rows = new ArrayList<>();
        for (var area : map.areas()) {
            Integer places = standing.get(area.id());
            if (places != null) {
                rows.add(Message.of("counter.standing.row", area.name(), places));
            }
        }
        for (var section : map.sections()) {
            for (var row : section.rows()) {
                List<String> labels = row.seats().stream().filter(s -> picked.contains(s.id())).map(Seat::label).toList();
                if (!labels.isEmpty()) {
                    rows.add(Message.of("counter.seats.row", section.name(), row.label(), String.join(", ", labels)));
                }
            }
        }
        return rows;
    }

    /** Total of the held (or, offline, picked) seats in minor units. */
    public long pendingTotalMinor() {
        EventInfo e = event.get();
        SeatMap map = seats.seatMapProperty().get();
        if (e == null || map == null) {
            return 0;
        }
        long places = map.areas().stream().filter(a -> standing.containsKey(a.id()))
                .mapToLong(a -> standing.get(a.id()) * e.pricesMinor().getOrDefault(a.categoryId(), 0L)).sum();
        return places + picked.stream().map(map::seat).flatMap(Optional::stream)
                .mapToLong(s -> e.pricesMinor().getOrDefault(s.categoryId(), 0L)).sum();
    }

    private boolean online() {
        return ctx.online().get();
    }

    private <T> void run(Callable<T> work, Consumer<T> done) {
        feedback.run(ctx.tasks(), work, done, CounterFailures::describe);
    }

    public CustomerViewModel customer() {
        return customer;
    }

    public PaymentViewModel payment() {
        return payment;
    }

    public ChipWritingViewModel chip() {
        return chip;
    }

    public PaperSaleViewModel paper() {
        return paper;
    }

    public ReceiptViewModel receipt() {
        return receipt;
    }

    public SeatAvailabilityViewModel seats() {
        return seats;
    }

    public ObservableList<EventInfo> events() {
        return events;
    }

    public ObjectProperty<EventInfo> eventProperty() {
        return event;
    }

    public ObservableSet<String> picked() {
        return FXCollections.unmodifiableObservableSet(picked);
    }

    public IntegerProperty bestCountProperty() {
        return bestCount;
    }

    public ObjectProperty<Category> bestCategoryProperty() {
        return bestCategory;
    }

    public ObservableList<Category> categories() {
        return categories;
    }

    public ReadOnlyObjectProperty<Hold> holdProperty() {
        return hold.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countdownProperty() {
        return countdown.getReadOnlyProperty();
    }

    /** What the held (or, offline, picked) places cost, in minor units, kept current. */
    public LongBinding pendingTotalProperty() {
        return pendingTotal;
    }

    public ReadOnlyObjectProperty<SalePhase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return feedback.busyProperty();
    }

    public ReadOnlyObjectProperty<Message> messageProperty() {
        return feedback.messageProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return feedback.failedProperty();
    }

    /** This seller's allocation and quotas for the event (flow 3), as last fetched or cached. */
    public ReadOnlyObjectProperty<SellerAuthorization> authorizationProperty() {
        return authorization.getReadOnlyProperty();
    }

    public BooleanBinding offlineProperty() {
        return Bindings.createBooleanBinding(() -> !ctx.online().get(), ctx.online());
    }

    public Optional<SaleResult> lastSale() {
        return Optional.ofNullable(sale);
    }

    public Instant now() {
        return ctx.clock().instant();
    }

    public SalePipeline pipeline() {
        return pipeline;
    }

    @Override
    public void close() {
        ticker.stop();
        seats.close();
    }
}
