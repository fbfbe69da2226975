package dev.tessera.desktop.counter;

import dev.tessera.contract.sales.PaymentMethod;
import dev.tessera.core.model.CustomerAuth;
import dev.tessera.desktop.ui.Feedback;
import dev.tessera.core.seatmap.Category;
import dev.tessera.core.seatmap.Seat;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.desktop.center.CenterApiTypes.Hold;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.desktop.center.CenterUnreachableException;
import dev.tessera.contract.sales.Customer;
import dev.tessera.contract.sales.IssuedTicket;
import dev.tessera.contract.sales.Payment;
import dev.tessera.contract.sales.SaleResult;
import dev.tessera.desktop.center.CounterApiTypes.SellerAuthorization;
import dev.tessera.desktop.events.SeatAvailabilityViewModel;
import dev.tessera.designer.availability.SeatStatus;
import dev.tessera.desktop.ui.ErrorMessages;
import dev.tessera.desktop.ui.Amount;
import dev.tessera.desktop.ui.Message;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The counter workspace (flow 2, claims 19, 29, 62, 66): pick seats, hold them with a countdown,
 * identify the customer, take payment, confirm, write the tickets to the chip, receipt, void. When the
 * center is out of reach it sells inside this seller's allocation (flow 3).
 */
public final class CounterViewModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CounterViewModel.class);

    private final CounterContext ctx;
    private final SalePipeline pipeline;
    private final OfflineSeller offline;
    private final SeatAvailabilityViewModel seats;
    private final ObservableList<EventInfo> events = FXCollections.observableArrayList();
    private final ObjectProperty<EventInfo> event = new SimpleObjectProperty<>();
    private final ObservableSet<String> picked = FXCollections.observableSet(new HashSet<>());
    /** Issue 18: standing places picked (or held) per general-admission area id. */
    private final javafx.collections.ObservableMap<String, Integer> standing = FXCollections.observableHashMap();
    private final IntegerProperty bestCount = new SimpleIntegerProperty(2);
    private final ObjectProperty<Category> bestCategory = new SimpleObjectProperty<>();
    private final ObservableList<Category> categories = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Hold> hold = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper countdown = new ReadOnlyStringWrapper("");
    private final ObjectProperty<CustomerMode> customerMode = new SimpleObjectProperty<>(CustomerMode.MEMBER_CARD);
    private final ReadOnlyStringWrapper customerChipId = new ReadOnlyStringWrapper();
    /** Issue 15: the tapped card's answer to a center challenge, spent by the sale (single use, 2 minutes). */
    private ChipDesk.MemberCardProof customerCardProof;
    private final StringProperty memberLogin = new SimpleStringProperty("");
    /**
     * Claim 70: the attendees' names, comma-separated, in the basket's order (its seats as the seat map lists them,
     * then its standing places).
     */
    private final StringProperty attendeeNames = new SimpleStringProperty("");
    /** Claim 70: when the event requires a name on every ticket, one field per ticket of the hold instead. */
    private final AttendeeForm attendeeForm = new AttendeeForm();
    private final ContactForm contactForm = new ContactForm();
    private final StringProperty memberPassword = new SimpleStringProperty("");
    private final ObjectProperty<String> paymentMethod = new SimpleObjectProperty<>("CASH");
    private final StringProperty tendered = new SimpleStringProperty("");
    private final StringProperty cardReference = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<SalePhase> phase = new ReadOnlyObjectWrapper<>(SalePhase.PICKING);
    private final Feedback feedback = new Feedback(Message.of("counter.hint.pick"));
    private final ObservableList<ReceiptLine> receipt = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Message> receiptTotal = new ReadOnlyObjectWrapper<>();
    /** The sale's number, which every later question about it (void, refund, exchange) starts from. */
    private final ReadOnlyObjectWrapper<Message> saleNumber = new ReadOnlyObjectWrapper<>();
    private final StringProperty voidReason = new SimpleStringProperty("");
    private final javafx.beans.property.BooleanProperty voidRefund = new javafx.beans.property.SimpleBooleanProperty(true);
    private final ObjectProperty<ReceiptLine> selectedLine = new SimpleObjectProperty<>();
    private final Timeline ticker;
    private SaleResult sale;
    private String saleChipId;
    private SalePaper paper;
    private java.util.function.BooleanSupplier printAtOnce = () -> true;
    /** The cash the customer handed over for the sale on screen, for its receipt. */
    private Long saleTendered;
    /** The sale on screen goes onto paper (no chip), and whether its paper has come out yet. */
    private final javafx.beans.property.ReadOnlyBooleanWrapper paperSale = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final javafx.beans.property.ReadOnlyBooleanWrapper paperPrinted = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<SellerAuthorization> authorization = new ReadOnlyObjectWrapper<>();

    public CounterViewModel(CounterContext ctx, SeatAvailabilityViewModel seats) {
        this.ctx = ctx;
        this.seats = seats;
        this.pipeline = new SalePipeline(ctx.session(), ctx.journal(), new ChipDesk(ctx.session()));
        this.offline = new OfflineSeller(ctx.journal(), ctx.terminal(), ctx.clock());
        this.ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        attendeeForm.keepRefusalCurrent(feedback);
        event.addListener((obs, old, now) -> {
            attendeeForm.requiredProperty().set(now != null && now.attendeeNamesRequired());
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
        java.util.Map<String, Integer> places = new java.util.TreeMap<>(standing);
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
    public javafx.collections.ObservableMap<String, Integer> standing() {
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
        attendeeForm.show(map == null ? List.of() : AttendeeForm.places(map, h.seatIds(), h.areas()));
        phase.set(SalePhase.HELD);
        tick();
        ticker.play();
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

    /** The customer holds their membership card on the reader (claim 78). */
    public void tapMemberCard() {
        run(() -> {
            // issue 15: the card proves itself by signing the center's fresh challenge (INTERNAL AUTHENTICATE)
            ChipDesk.MemberCardProof proof = ChipDesk.proveMemberCard(ctx.reader().tap(), ctx.session());
            dev.tessera.contract.chip.ChipView chip;
            try {
                chip = ctx.session().chip(proof.chipId());
            } catch (dev.tessera.desktop.center.CenterProblemException e) {
                if (e.status() != 404) {
                    throw e;
                }
                // a chip the center never registered: not a membership card, whatever it says about itself
                throw new OfflineSeller.Refused(Message.of("counter.customer.notMember"));
            }
            if (chip.memberId() == 0) { // the center answers 0 for a chip no member holds
                throw new OfflineSeller.Refused(Message.of("counter.customer.notMember"));
            }
            return proof;
        }, proof -> {
            customerMode.set(CustomerMode.MEMBER_CARD);
            customerCardProof = proof;
            customerChipId.set(proof.chipId());
            feedback.say(Message.of(phase.get() == SalePhase.HELD ? "counter.hint.pay" : "counter.hint.pick"));
        });
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
        Customer customer;
        switch (customerMode.get()) {
            case MEMBER_CARD -> {
                if (customerChipId.get() == null) {
                    feedback.say(Message.of("counter.customer.tapFirst"));
                    feedback.setFailed(true);
                    return;
                }
                ChipDesk.MemberCardProof proof = customerCardProof;
                customer = proof != null && proof.chipId().equals(customerChipId.get())
                        ? new Customer(CustomerAuth.MEMBER_CARD, null, null, proof.chipId(), proof.challengeId(), proof.signature())
                        : new Customer(CustomerAuth.MEMBER_CARD, null, null, customerChipId.get());
                customerCardProof = null; // single use: a second try needs a fresh tap
            }
            case MEMBER_PASSWORD -> customer = new Customer(CustomerAuth.MEMBER_PASSWORD, memberLogin.get().trim(),
                    memberPassword.get(), null);
            default -> customer = new Customer(CustomerAuth.WALK_IN, null, null, null);
        }
        Payment payment;
        if ("CASH".equals(paymentMethod.get())) {
            Long tenderedMinor = minor(tendered.get(), e.currency());
            if (!tendered.get().isBlank() && tenderedMinor == null) {
                feedback.say(Message.of("counter.payment.badAmount"));
                feedback.setFailed(true);
                return;
            }
            payment = new Payment(PaymentMethod.CASH, null, tenderedMinor);
        } else {
            payment = new Payment(PaymentMethod.valueOf(paymentMethod.get()), cardReference.get().isBlank() ? null : cardReference.get().trim(), null);
        }
        if (!attendeeForm.completeProperty().get()) {
            feedback.say(Message.of(AttendeeForm.REFUSED, attendeeForm.missingProperty().get()));
            feedback.setFailed(true);
            return;
        }
        SeatMap heldOn = seats.seatMapProperty().get();
        List<String> typed = AttendeeNames.parse(attendeeNames.get());
        List<String> attendees = attendeeForm.requiredProperty().get() ? attendeeForm.names()
                : heldOn == null ? typed : AttendeeNames.inIssueOrder(typed, heldOn, h.seatIds(), h.areas());
        int tickets = h.seatIds().size() + (h.areas() == null ? 0
                : h.areas().values().stream().mapToInt(Integer::intValue).sum());
        if (attendees.size() > tickets) {
            feedback.say(Message.of("counter.attendees.tooMany", attendees.size(), tickets));
            feedback.setFailed(true);
            return;
        }
        var contactProblem = contactForm.problem();
        if (contactProblem.isPresent()) {
            feedback.say(contactProblem.get());
            feedback.setFailed(true);
            return;
        }
        var contact = contactForm.contact();
        run(() -> pipeline.confirm(h, customer, payment, attendees, contact), result -> {
            ticker.stop();
            countdown.set("");
            sale = result;
            saleChipId = result.tickets().stream().map(IssuedTicket::holderChipId)
                    .filter(id -> id != null && !id.isBlank()).findFirst().orElse(null);
            showReceipt(result);
            if (saleChipId != null) {
                phase.set(SalePhase.AWAITING_CHIP);
                feedback.say(Message.of("counter.chip.tap", shortChip(saleChipId)));
                writeToChip();
            } else {
                phase.set(SalePhase.DONE);
                saleTendered = payment.tenderedMinor();
                paperSale.set(true);
                paperPrinted.set(false);
                feedback.say(Message.of("counter.sale.donePaper"));
                if (printAtOnce.getAsBoolean()) {
                    printPaper();
                }
            }
        });
    }

    /**
     * Claim 20: how a sale without a chip goes onto paper (tickets and receipt), and whether a paid paper sale prints
     * at once (Settings) or waits for Print.
     */
    public void printPaperWith(SalePaper output, java.util.function.BooleanSupplier atOnce) {
        this.paper = output;
        this.printAtOnce = atOnce;
    }

    /**
     * Print (Ctrl+P): the paper sale on screen, once. Printing it again is a reprint, with a reason, in After-sales,
     * so a second valid copy never leaves the counter unrecorded. A printer that fails leaves Print enabled.
     */
    public void printPaper() {
        SaleResult shown = sale;
        if (paper == null || shown == null || !paperSale.get() || paperPrinted.get() || feedback.busyProperty().get()) {
            return;
        }
        Long tenderedMinor = saleTendered;
        run(() -> paper.print(shown, tenderedMinor), done -> {
            paperPrinted.set(true);
            feedback.say(done);
        });
    }

    /** Preview: the tickets and the receipt as they will print, in a window with Print (until they have printed). */
    public void previewPaper() {
        SaleResult shown = sale;
        if (paper == null || shown == null || !paperSale.get() || feedback.busyProperty().get()) {
            return;
        }
        Long tenderedMinor = saleTendered;
        run(() -> paper.pages(shown, tenderedMinor), pages -> {
            boolean printNow = ctx.dialogs().preview(Message.of("counter.paper.previewTitle", shown.saleId(), pages.size()),
                    pages, paperPrinted.get() ? null : Message.of("counter.paper.print"));
            if (printNow && shown == sale) {
                printPaper();
            }
        });
    }

    public ReadOnlyBooleanProperty paperSaleProperty() {
        return paperSale.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty paperPrintedProperty() {
        return paperPrinted.getReadOnlyProperty();
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
        saleChipId = first.chipId();
        showReceipt(sale);
        phase.set(SalePhase.AWAITING_CHIP);
        feedback.say(Message.of("counter.chip.resume", shortChip(first.chipId())));
    }

    /** Ctrl+T, also the retry after a pulled card: writes what the chip does not hold yet. */
    public void writeToChip() {
        if (sale == null || saleChipId == null || phase.get() != SalePhase.AWAITING_CHIP) {
            return;
        }
        SaleResult s = sale;
        String chipId = saleChipId;
        feedback.say(Message.of("counter.chip.writing", s.tickets().size()));
        run(() -> pipeline.issue(s, chipId, ctx.reader().tap()), written -> {
            phase.set(SalePhase.DONE);
            feedback.say(Message.of("counter.chip.written", written.written() + written.alreadyThere(), shortChip(chipId)));
        });
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
        java.util.Map<String, Integer> places = java.util.Map.copyOf(standing);
        String method = paymentMethod.get();
        String reference = cardReference.get().isBlank() ? null : cardReference.get().trim();
        run(() -> offline.sell(e, map, auth, sold, ids, places, method, reference), result -> {
            List<ReceiptLine> lines = new ArrayList<>();
            for (var t : result.tickets()) {
                lines.add(line(map, t.ticketId().toString(), t.seatId(), t.priceMinor(), t.currency()));
            }
            receipt.setAll(lines);
            saleNumber.set(Message.of("counter.receipt.offlineSale"));
            receiptTotal.set(Message.of("counter.receipt.total", lines.size(),
                    dev.tessera.desktop.ui.Formats.money(result.totalMinor(), result.currency(), ctx.l10n().getLocale())));
            phase.set(SalePhase.DONE);
            feedback.say(Message.of("counter.offline.done", lines.size()));
        });
    }

    private void showReceipt(SaleResult result) {
        SeatMap map = seats.seatMapProperty().get();
        receipt.setAll(result.tickets().stream()
                .map(t -> line(map, t.ticketId(), t.seatId(), t.priceMinor(), result.currency())).toList());
        String total = dev.tessera.desktop.ui.Formats.money(result.totalMinor(), result.currency(), ctx.l10n().getLocale());
        saleNumber.set(Message.of("counter.receipt.saleNumber", Long.toString(result.saleId())));
        receiptTotal.set(result.changeMinor() > 0
                ? Message.of("counter.receipt.totalChange", result.tickets().size(), total,
                dev.tessera.desktop.ui.Formats.money(result.changeMinor(), result.currency(), ctx.l10n().getLocale()))
                : Message.of("counter.receipt.total", result.tickets().size(), total));
    }

    private static ReceiptLine line(SeatMap map, String ticketId, String seatId, long price, String currency) {
        var area = map == null ? Optional.<dev.tessera.core.seatmap.GeneralAdmissionArea>empty()
                : map.areas().stream().filter(a -> a.id().equals(seatId)).findFirst();
        if (area.isPresent()) {
            // issue 18: a standing ticket names its area, not a seat
            String areaCategory = map.category(area.get().categoryId()).map(Category::name).orElse("");
            return new ReceiptLine(ticketId, seatId, area.get().name(), "", "", areaCategory, price, currency, true);
        }
        Optional<Seat> seat = map == null ? Optional.empty() : map.seat(seatId);
        String category = seat.flatMap(s -> map.categories().stream().filter(c -> c.id().equals(s.categoryId()))
                .findFirst()).map(Category::name).orElse("");
        SeatPlace place = seat.map(s -> SeatPlace.of(map, s)).orElse(new SeatPlace("", "", seatId));
        return new ReceiptLine(ticketId, seatId, place.section(), place.row(), place.seat(), category, price, currency,
                false);
    }

    /** Voids the selected receipt line with the reason typed in. */
    public void voidSelected() {
        voidTicket(selectedLine.get(), voidReason.get(), voidRefund.get());
        voidReason.set("");
    }

    /** Voids one ticket of the receipt with the clerk's reason (audit trail: ledger and center). */
    public void voidTicket(ReceiptLine line, String reason, boolean refund) {
        if (line == null || reason == null || reason.isBlank()) {
            feedback.say(Message.of("counter.void.needReason"));
            feedback.setFailed(true);
            return;
        }
        Message question = refund
                ? Message.of("counter.confirm.refund.question", new Amount(line.priceMinor(), line.currency()),
                        line.place())
                : Message.of("counter.confirm.void.question", line.place());
        Message action = refund ? Message.of("counter.confirm.refund.action", new Amount(line.priceMinor(), line.currency()))
                : Message.of("counter.confirm.void.action");
        if (!ctx.dialogs().confirm(question, Message.of("counter.confirm.consequence"), action)) {
            return;
        }
        run(() -> pipeline.voidTicket(line.ticketId(), reason.trim(), refund), voided -> {
            receipt.remove(line);
            picked.remove(line.seatId());
            long total = receipt.stream().mapToLong(ReceiptLine::priceMinor).sum();
            receiptTotal.set(Message.of("counter.receipt.total", receipt.size(),
                    dev.tessera.desktop.ui.Formats.money(total, line.currency(), ctx.l10n().getLocale())));
            feedback.say(Message.of(line.standing() ? "counter.void.doneStanding" : "counter.void.done",
                    line.place()));
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
        saleChipId = null;
        customerChipId.set(null);
        customerCardProof = null;
        memberLogin.set("");
        memberPassword.set("");
        attendeeNames.set("");
        attendeeForm.clear();
        contactForm.clear();
        tendered.set("");
        cardReference.set("");
        receipt.clear();
        receiptTotal.set(null);
        saleNumber.set(null);
        saleTendered = null;
        paperSale.set(false);
        paperPrinted.set(false);
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

    static Long minor(String text, String currency) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.trim().replace(",", ""))
                    .movePointRight(Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits()))
                    .longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    static String shortChip(String chipId) {
        return chipId == null ? "" : "\u2022\u2022" + chipId.substring(Math.max(0, chipId.length() - 4));
    }

    private boolean online() {
        return ctx.online().get();
    }

    private <T> void run(Callable<T> work, Consumer<T> done) {
        feedback.run(ctx.tasks(), work, done, CounterViewModel::describe);
    }

    public static Message describe(Exception failure) {
        return switch (failure) {
            case OfflineSeller.Refused r -> r.reason();
            case dev.tessera.reader.wallet.CardGoneException e -> Message.of("counter.chip.gone");
            case dev.tessera.reader.wallet.WrongCardException e -> Message.of("counter.chip.wrong");
            case dev.tessera.reader.wallet.WalletException e -> {
                LOG.warn("chip failure: {}", e.getMessage());
                yield Message.of("counter.chip.failed");
            }
            case CenterUnreachableException e -> Message.of("counter.offline.lost");
            case dev.tessera.reports.ReportException e -> {
                LOG.warn("paper not printed: {}", e.getMessage());
                yield Message.of("counter.paper.failed", e.getMessage());
            }
            default -> ErrorMessages.of(failure);
        };
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

    public ObjectProperty<CustomerMode> customerModeProperty() {
        return customerMode;
    }

    public ReadOnlyStringProperty customerChipIdProperty() {
        return customerChipId.getReadOnlyProperty();
    }

    /** Claim 70: the names per ticket an event that requires them asks for. */
    public AttendeeForm attendeeForm() {
        return attendeeForm;
    }

    public ContactForm contactForm() {
        return contactForm;
    }

    public StringProperty attendeeNamesProperty() {
        return attendeeNames;
    }

    public StringProperty memberLoginProperty() {
        return memberLogin;
    }

    public StringProperty memberPasswordProperty() {
        return memberPassword;
    }

    public ObjectProperty<String> paymentMethodProperty() {
        return paymentMethod;
    }

    public StringProperty tenderedProperty() {
        return tendered;
    }

    public StringProperty cardReferenceProperty() {
        return cardReference;
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

    public ObservableList<ReceiptLine> receipt() {
        return FXCollections.unmodifiableObservableList(receipt);
    }

    public StringProperty voidReasonProperty() {
        return voidReason;
    }

    public javafx.beans.property.BooleanProperty voidRefundProperty() {
        return voidRefund;
    }

    public ObjectProperty<ReceiptLine> selectedLineProperty() {
        return selectedLine;
    }

    /** This seller's allocation and quotas for the event (flow 3), as last fetched or cached. */
    public ReadOnlyObjectProperty<SellerAuthorization> authorizationProperty() {
        return authorization.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Message> saleNumberProperty() {
        return saleNumber.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Message> receiptTotalProperty() {
        return receiptTotal.getReadOnlyProperty();
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
