package dev.tessera.desktop.member;

import dev.tessera.core.seatmap.Seat;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.designer.availability.SeatStatus;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.core.model.Hold;
import dev.tessera.client.CenterProblemException;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.contract.sales.SaleResult;
import dev.tessera.contract.sales.OnSale;
import dev.tessera.contract.sales.Purchase;
import dev.tessera.desktop.events.SeatAvailabilityViewModel;
import dev.tessera.core.model.Money;
import dev.tessera.desktop.ui.ErrorMessages;
import dev.tessera.desktop.ui.Feedback;
import dev.tessera.desktop.ui.Message;
import dev.tessera.desktop.ui.TaskExecutor;
import dev.tessera.reader.wallet.CardGoneException;
import dev.tessera.reader.wallet.WalletException;
import dev.tessera.reader.wallet.WrongCardException;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.collections.ObservableSet;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 14 (claims 33, 68, 76): the member buys at home. Picks an event the organizer put on sale on the internet,
 * picks seats on the live map the counter uses and standing places of its general-admission areas by quantity (issue
 * 18), holds them with a countdown (claim 32), and pays: the tickets are issued for the chosen card and written to it
 * in the same tap.
 */
public final class MemberShopViewModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MemberShopViewModel.class);
    /** The center's limit on one home hold, seats and standing places together. */
    public static final int MAX_SEATS = 10;

    private final CenterSession session;
    private final MemberCards cards;
    private final TaskExecutor tasks;
    private final SeatAvailabilityViewModel seats;
    private final Supplier<MemberViewModel.CardRow> card;
    private final Runnable bought;
    private final Clock clock;
    private final ObservableList<OnSale> events = FXCollections.observableArrayList();
    private final ObjectProperty<OnSale> event = new SimpleObjectProperty<>();
    private final ObservableSet<String> picked = FXCollections.observableSet(new HashSet<>());
    /** Issue 18: standing places picked (or held) per general-admission area id. */
    private final ObservableMap<String, Integer> standing = FXCollections.observableHashMap();
    private final ReadOnlyObjectWrapper<Hold> hold = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper countdown = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Message> total = new ReadOnlyObjectWrapper<>();
    private final Feedback feedback = new Feedback(Message.of("shop.hint"));
    /** Claim 70: the attendees' names, comma-separated, in the seat map's order of the held seats; optional. */
    private final javafx.beans.property.StringProperty attendeeNames = new javafx.beans.property.SimpleStringProperty("");
    /** Claim 70: when the event requires a name on every ticket, one field per held seat instead. */
    private final dev.tessera.desktop.counter.AttendeeForm attendeeForm = new dev.tessera.desktop.counter.AttendeeForm();
    private final Timeline ticker;

    /**
     * @param card the card chosen in My cards, which the tickets are bought for
     * @param bought run on the UI thread after a purchase, to show the new tickets in My tickets
     */
    public MemberShopViewModel(CenterSession session, MemberCards cards, TaskExecutor tasks,
                               SeatAvailabilityViewModel seats, Supplier<MemberViewModel.CardRow> card,
                               Runnable bought, Clock clock) {
        this.session = session;
        this.cards = cards;
        this.tasks = tasks;
        this.seats = seats;
        this.card = card;
        this.bought = bought;
        this.clock = clock;
        attendeeForm.keepRefusalCurrent(feedback);
        this.ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        event.addListener((obs, old, now) -> {
            attendeeForm.requiredProperty().set(now != null && now.event().attendeeNamesRequired());
            if (old == null || now == null || old.event().id() != now.event().id()) {
                clearHold();
                clearBasket();
                seats.show(now == null ? null : EventInfo.of(now.event()));
            }
        });
        picked.addListener((javafx.collections.SetChangeListener<String>) change -> updateTotal());
        standing.addListener((MapChangeListener<String, Integer>) change -> updateTotal());
    }

    /** The events on sale at home, by start; the first is shown. */
    public void load() {
        loadEvents(true);
    }

    /** {@code hint}: say what to do next; false after a purchase, whose sentence stays. */
    private void loadEvents(boolean hint) {
        feedback.run(tasks, session::eventsOnSale, list -> {
            OnSale keep = event.get();
            events.setAll(list.stream().sorted(Comparator.comparing(o -> o.event().startsAt())).toList());
            OnSale again = keep == null ? null
                    : events.stream().filter(o -> o.event().id() == keep.event().id()).findFirst().orElse(null);
            event.set(again != null ? again : events.isEmpty() ? null : events.getFirst());
            if (hint || events.isEmpty()) {
                feedback.say(Message.of(events.isEmpty() ? "shop.none" : "shop.hint"));
            }
        }, this::describe);
    }

    /** A click on the map: a free seat joins the picked ones (up to {@value #MAX_SEATS}), a picked one leaves. */
    public void toggleSeat(String seatId) {
        if (hold.get() != null) {
            return;
        }
        if (picked.contains(seatId)) {
            picked.remove(seatId);
        } else if (seats.status(seatId) == SeatStatus.FREE) {
            if (picked.size() + places() >= MAX_SEATS) {
                feedback.refuse("shop.tooMany", MAX_SEATS);
                return;
            }
            picked.add(seatId);
        }
    }

    /**
     * Issue 18: the number of standing places wanted in a general-admission area (0 takes the area out of the basket);
     * before the hold only, and with the picked seats at most {@value #MAX_SEATS}.
     */
    public void setStanding(String areaId, int quantity) {
        if (hold.get() != null) {
            return;
        }
        if (quantity <= 0) {
            standing.remove(areaId);
            return;
        }
        int others = picked.size() + places() - standing.getOrDefault(areaId, 0);
        if (others + quantity > MAX_SEATS) {
            feedback.refuse("shop.tooMany", MAX_SEATS);
            quantity = MAX_SEATS - others;
            if (quantity <= 0) {
                standing.remove(areaId);
                return;
            }
        }
        standing.put(areaId, quantity);
    }

    /** A click in a standing area on the map: one more of its places in the basket. */
    public void addStandingPlace(String areaId) {
        setStanding(areaId, standing.getOrDefault(areaId, 0) + 1);
    }

    /** Ctrl+H: the picked seats and standing places are held for the member in one hold; the countdown starts. */
    public void holdPicked() {
        OnSale e = event.get();
        if (e == null || (picked.isEmpty() && standing.isEmpty()) || hold.get() != null) {
            feedback.refuse("shop.pickFirst");
            return;
        }
        List<String> ids = List.copyOf(picked);
        java.util.Map<String, Integer> places = new java.util.TreeMap<>(standing);
        feedback.run(tasks, () -> session.holdAtHome(e.event().id(), ids, places), h -> {
            hold.set(h);
            picked.clear();
            picked.addAll(h.seatIds());
            standing.clear();
            standing.putAll(h.areas());
            SeatMap map = seats.seatMapProperty().get();
            attendeeForm.show(map == null ? List.of()
                    : dev.tessera.desktop.counter.AttendeeForm.places(map, h.seatIds(), h.areas()));
            tick();
            ticker.play();
            int held = h.areas().values().stream().mapToInt(Integer::intValue).sum();
            feedback.say(held == 0 ? Message.of("shop.held", h.seatIds().size())
                    : Message.of("shop.heldPlaces", h.seatIds().size() + held, h.seatIds().size(), held));
        }, this::describe);
    }

    /** Esc: the seats go back on sale before the hold lapses. */
    public void releaseHold() {
        Hold h = hold.get();
        if (h == null) {
            return;
        }
        feedback.run(tasks, () -> {
            session.releaseHoldAtHome(h.id());
            return h;
        }, released -> {
            clearHold();
            clearBasket();
            feedback.say(Message.of("shop.released"));
        }, this::describe);
    }

    /**
     * Ctrl+Enter, one tap: the held seats are bought for the chosen card (paid by card online) and written to it; when
     * the card cannot be reached the tickets wait in My tickets for "Write to my card".
     */
    public void buy() {
        Hold h = hold.get();
        MemberViewModel.CardRow c = card.get();
        if (h == null) {
            feedback.refuse("shop.holdFirst");
            return;
        }
        if (c == null || !c.active()) {
            feedback.refuse("member.write.noCard");
            return;
        }
        if (!attendeeForm.completeProperty().get()) {
            feedback.refuse(dev.tessera.desktop.counter.AttendeeForm.REFUSED, attendeeForm.missingProperty().get());
            return;
        }
        SeatMap heldOn = seats.seatMapProperty().get();
        List<String> typed = dev.tessera.desktop.counter.AttendeeNames.parse(attendeeNames.get());
        List<String> attendees = attendeeForm.requiredProperty().get() ? attendeeForm.names()
                : heldOn == null ? typed
                : dev.tessera.desktop.counter.AttendeeNames.inIssueOrder(typed, heldOn, h.seatIds(), h.areas());
        int tickets = h.seatIds().size() + (h.areas() == null ? 0
                : h.areas().values().stream().mapToInt(Integer::intValue).sum());
        if (attendees.size() > tickets) {
            feedback.refuse("counter.attendees.tooMany", attendees.size(), tickets);
            return;
        }
        feedback.working("shop.buying", MemberViewModel.shortChip(c.chipId()));
        feedback.run(tasks, () -> {
            SaleResult sale = session.buyAtHome(new Purchase(h.id(), c.chipId(), null,
                    attendees.isEmpty() ? null : attendees));
            try {
                cards.sync(c.chipId());
                return Message.of("shop.bought", sale.tickets().size(), MemberViewModel.shortChip(c.chipId()));
            } catch (WalletException e) {
                LOG.info("bought sale {}, the card was not written yet: {}", sale.saleId(), e.getMessage());
                return Message.of("shop.boughtNotWritten", sale.tickets().size(), MemberViewModel.shortChip(c.chipId()));
            }
        }, done -> {
            clearHold();
            clearBasket();
            attendeeNames.set("");
            feedback.say(done);
            bought.run();
            loadEvents(false);
        }, failure -> {
            if (failure instanceof CenterProblemException p && "hold-not-active".equals(p.kind())) {
                clearHold();
                clearBasket();
            }
            return describe(failure);
        });
    }

    private void tick() {
        Hold h = hold.get();
        if (h == null) {
            countdown.set("");
            ticker.stop();
            return;
        }
        long seconds = java.time.Duration.between(clock.instant(), h.expiresAt()).toSeconds();
        if (seconds <= 0) {
            // claim 32: the hold lapsed at the center; the seats are for sale again
            clearHold();
            clearBasket();
            feedback.refuse("shop.lapsed");
            return;
        }
        countdown.set("%d:%02d".formatted(seconds / 60, seconds % 60));
    }

    private void clearHold() {
        attendeeForm.clear();
        hold.set(null);
        ticker.stop();
        countdown.set("");
    }

    private void clearBasket() {
        picked.clear();
        standing.clear();
    }

    private int places() {
        return standing.values().stream().mapToInt(Integer::intValue).sum();
    }

    private void updateTotal() {
        OnSale e = event.get();
        SeatMap map = seats.seatMapProperty().get();
        if (e == null || map == null || (picked.isEmpty() && standing.isEmpty())) {
            total.set(null);
            return;
        }
        java.util.Map<String, Long> prices = e.event().pricesMinor();
        long sum = picked.stream().map(map::seat).flatMap(Optional::stream).map(Seat::categoryId)
                .mapToLong(category -> prices.getOrDefault(category, 0L)).sum()
                + map.areas().stream().filter(a -> standing.containsKey(a.id()))
                .mapToLong(a -> standing.get(a.id()) * prices.getOrDefault(a.categoryId(), 0L)).sum();
        Money amount = new Money(sum, e.event().currency());
        int places = places();
        total.set(places == 0 ? Message.of("shop.total", picked.size(), amount)
                : Message.of("shop.totalPlaces", picked.size() + places, picked.size(), places, amount));
    }

    Message describe(Exception failure) {
        return switch (failure) {
            case CardGoneException e -> Message.of("member.card.gone");
            case WrongCardException e -> Message.of("member.card.wrong");
            case CenterProblemException e when "quota-exceeded".equals(e.kind()) -> Message.of("shop.soldOut");
            case CenterProblemException e when "seat-unavailable".equals(e.kind()) -> Message.of("shop.taken");
            case CenterProblemException e when "area-full".equals(e.kind()) -> Message.of("shop.areaFull");
            case CenterProblemException e when "too-many-holds".equals(e.kind()) -> Message.of("shop.tooManyHolds");
            case CenterProblemException e when "hold-not-active".equals(e.kind()) -> Message.of("shop.lapsed");
            case CenterProblemException e when "chip-blocked".equals(e.kind()) -> Message.of("member.card.blocked");
            case CenterProblemException e when e.status() == 403 -> Message.of("shop.notInAllocation");
            case CenterProblemException e when e.status() == 404 -> Message.of("shop.notOnSale");
            default -> ErrorMessages.of(failure);
        };
    }

    public ObservableList<OnSale> events() {
        return events;
    }

    public ObjectProperty<OnSale> eventProperty() {
        return event;
    }

    public SeatAvailabilityViewModel seats() {
        return seats;
    }

    public ObservableSet<String> picked() {
        return FXCollections.unmodifiableObservableSet(picked);
    }

    /** Issue 18: standing places picked or held, per area id. */
    public ObservableMap<String, Integer> standing() {
        return FXCollections.unmodifiableObservableMap(standing);
    }

    public ReadOnlyObjectProperty<Hold> holdProperty() {
        return hold.getReadOnlyProperty();
    }

    /** Claim 70: the names per held seat an event that requires them asks for. */
    public dev.tessera.desktop.counter.AttendeeForm attendeeForm() {
        return attendeeForm;
    }

    public javafx.beans.property.StringProperty attendeeNamesProperty() {
        return attendeeNames;
    }

    public ReadOnlyStringProperty countdownProperty() {
        return countdown.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Message> totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Message> messageProperty() {
        return feedback.messageProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return feedback.failedProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return feedback.busyProperty();
    }

    @Override
    public void close() {
        ticker.stop();
        seats.close();
    }
}
