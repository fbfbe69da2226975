package dev.tessera.desktop.counter;

import dev.tessera.core.seatmap.Category;
import dev.tessera.core.seatmap.Seat;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.contract.sales.SaleResult;
import dev.tessera.core.model.Money;
import dev.tessera.desktop.ui.Feedback;
import dev.tessera.desktop.ui.Formats;
import dev.tessera.desktop.ui.Message;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The sale just made, line by line with its number and total, and the void of one of its tickets with the clerk's
 * reason (audit trail: ledger and center). Shown by {@link ReceiptView}.
 */
public final class ReceiptViewModel {
    private final CounterContext ctx;
    private final SalePipeline pipeline;
    private final Feedback feedback;
    private final Consumer<String> voidedSeat;
    private final ObservableList<ReceiptLine> receipt = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Message> receiptTotal = new ReadOnlyObjectWrapper<>();
    /** The sale's number, which every later question about it (void, refund, exchange) starts from. */
    private final ReadOnlyObjectWrapper<Message> saleNumber = new ReadOnlyObjectWrapper<>();
    private final StringProperty voidReason = new SimpleStringProperty("");
    private final BooleanProperty voidRefund = new SimpleBooleanProperty(true);
    private final ObjectProperty<ReceiptLine> selectedLine = new SimpleObjectProperty<>();

    /** @param voidedSeat told the seat id of each ticket voided here */
    ReceiptViewModel(CounterContext ctx, SalePipeline pipeline, Feedback feedback, Consumer<String> voidedSeat) {
        this.ctx = ctx;
        this.pipeline = pipeline;
        this.feedback = feedback;
        this.voidedSeat = voidedSeat;
    }

    /** The center's sale: its number, a line per ticket, the total and the change given. */
    void show(SaleResult result, SeatMap map) {
        receipt.setAll(result.tickets().stream()
                .map(t -> line(map, t.ticketId(), t.seatId(), t.priceMinor(), result.currency())).toList());
        String total = money(result.totalMinor(), result.currency());
        saleNumber.set(Message.of("counter.receipt.saleNumber", Long.toString(result.saleId())));
        receiptTotal.set(result.changeMinor() > 0
                ? Message.of("counter.receipt.totalChange", result.tickets().size(), total,
                money(result.changeMinor(), result.currency()))
                : Message.of("counter.receipt.total", result.tickets().size(), total));
    }

    /** A sale made offline (flow 3): no number until the center has it. */
    void showOffline(List<ReceiptLine> lines, long totalMinor, String currency) {
        receipt.setAll(lines);
        saleNumber.set(Message.of("counter.receipt.offlineSale"));
        receiptTotal.set(Message.of("counter.receipt.total", lines.size(), money(totalMinor, currency)));
    }

    static ReceiptLine line(SeatMap map, String ticketId, String seatId, long price, String currency) {
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
                ? Message.of("counter.confirm.refund.question", new Money(line.priceMinor(), line.currency()),
                        line.place())
                : Message.of("counter.confirm.void.question", line.place());
        Message action = refund ? Message.of("counter.confirm.refund.action", new Money(line.priceMinor(), line.currency()))
                : Message.of("counter.confirm.void.action");
        if (!ctx.dialogs().confirm(question, Message.of("counter.confirm.consequence"), action)) {
            return;
        }
        run(() -> pipeline.voidTicket(line.ticketId(), reason.trim(), refund), voided -> {
            receipt.remove(line);
            voidedSeat.accept(line.seatId());
            long total = receipt.stream().mapToLong(ReceiptLine::priceMinor).sum();
            receiptTotal.set(Message.of("counter.receipt.total", receipt.size(), money(total, line.currency())));
            feedback.say(Message.of(line.standing() ? "counter.void.doneStanding" : "counter.void.done",
                    line.place()));
        });
    }

    void clear() {
        receipt.clear();
        receiptTotal.set(null);
        saleNumber.set(null);
    }

    private String money(long minor, String currency) {
        return Formats.money(minor, currency, ctx.l10n().getLocale());
    }

    private <T> void run(Callable<T> work, Consumer<T> done) {
        feedback.run(ctx.tasks(), work, done, CounterFailures::describe);
    }

    public ObservableList<ReceiptLine> lines() {
        return FXCollections.unmodifiableObservableList(receipt);
    }

    public StringProperty voidReasonProperty() {
        return voidReason;
    }

    public BooleanProperty voidRefundProperty() {
        return voidRefund;
    }

    public ObjectProperty<ReceiptLine> selectedLineProperty() {
        return selectedLine;
    }

    public ReadOnlyObjectProperty<Message> saleNumberProperty() {
        return saleNumber.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Message> receiptTotalProperty() {
        return receiptTotal.getReadOnlyProperty();
    }
}
