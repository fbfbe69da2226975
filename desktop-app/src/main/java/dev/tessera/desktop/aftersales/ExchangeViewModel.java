package dev.tessera.desktop.aftersales;

import dev.tessera.contract.sales.PaymentMethod;
import dev.tessera.desktop.ui.Feedback;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tessera.core.model.LedgerKind;
import dev.tessera.contract.sales.Exchange;
import dev.tessera.contract.sales.ExchangeResult;
import dev.tessera.core.model.Hold;
import dev.tessera.contract.sales.IssuedTicket;
import dev.tessera.contract.sales.Payment;
import dev.tessera.contract.sales.SaleResult;
import dev.tessera.desktop.counter.ChipDesk;
import dev.tessera.desktop.counter.CounterContext;
import dev.tessera.desktop.counter.SaleViewModel;
import dev.tessera.desktop.counter.Journal;
import dev.tessera.desktop.counter.SalePhase;
import dev.tessera.desktop.ui.Message;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The selected tickets back and the seats held on the counter's map out, in one transaction at the center; the
 * difference paid or refunded by the chosen method; the new tickets onto the same chip (the returned ones deleted from
 * it) or onto paper. Journaled before the center is asked and once more with the outcome.
 */
public final class ExchangeViewModel {
    private final CounterContext ctx;
    private final SaleViewModel counter;
    private final TicketSearchViewModel search;
    private final SettlementForm form;
    private final SalePaperPrinter printer;
    private final ChipDesk chips;
    private final Feedback feedback;
    private final ReadOnlyObjectWrapper<PendingChip> pendingChip = new ReadOnlyObjectWrapper<>();
    private final ObjectBinding<Message> exchangeSummary;

    /** New tickets of an exchange still to be written to the customer's chip, and the returned ones to delete. */
    public record PendingChip(long saleId, String chipId, List<IssuedTicket> tickets, Set<UUID> returned) {}

    ExchangeViewModel(CounterContext ctx, SaleViewModel counter, TicketSearchViewModel search, SettlementForm form,
                      SalePaperPrinter printer, Feedback feedback) {
        this.ctx = ctx;
        this.counter = counter;
        this.search = search;
        this.form = form;
        this.printer = printer;
        this.chips = new ChipDesk(ctx.session());
        this.feedback = feedback;
        this.exchangeSummary = Bindings.createObjectBinding(this::summarizeExchange, search.selected(),
                counter.holdProperty(), counter.phaseProperty());
    }


    /**
     * The selected tickets back, the seats held on the counter's map out, in one transaction at the
     * center. The difference is paid or refunded by the chosen method; new tickets go to the same
     * chip (tap it) or onto paper.
     */
    public void exchange() {
        List<TicketRow> rows = search.validSelection();
        String why = form.reasonText();
        if (rows == null || why == null) {
            return;
        }
        Hold hold = counter.holdProperty().get();
        if (hold == null || counter.phaseProperty().get() != SalePhase.HELD) {
            feedback.fail(Message.of("aftersales.exchange.holdFirst"));
            return;
        }
        if (hold.eventId() != rows.getFirst().eventId() || rows.stream().map(TicketRow::saleId).distinct().count() != 1) {
            feedback.fail(Message.of("aftersales.exchange.sameSale"));
            return;
        }
        String currency = rows.getFirst().currency();
        long difference = counter.pendingTotalMinor() - rows.stream().mapToLong(r -> r.ticket().priceMinor()).sum();
        String method = form.settleMethodProperty().get();
        String tendered = form.tenderedProperty().get();
        Long tenderedMinor = SettlementForm.minor(tendered, currency);
        if ("CASH".equals(method) && difference > 0 && !tendered.isBlank()
                && (tenderedMinor == null || tenderedMinor < difference)) {
            feedback.fail(Message.of("aftersales.exchange.shortCash", form.money(difference, currency)));
            return;
        }
        String ref = form.cardReference();
        Payment payment = new Payment(PaymentMethod.valueOf(method), ref, "CASH".equals(method) && difference > 0 ? tenderedMinor : null);
        List<String> ids = rows.stream().map(TicketRow::ticketId).toList();
        run(() -> {
            ObjectNode intent = Journal.payload("EXCHANGE_STARTED").put("holdId", hold.id()).put("reason", why)
                    .put("differenceMinor", difference).put("method", method).put("reference", ref);
            ids.forEach(intent.withArray("ticketIds")::add);
            ctx.journal().append(LedgerKind.SALE, intent);
            ExchangeResult result = ctx.session().exchangeTickets(new Exchange(ids, hold.id(), why, payment));
            SaleResult sale = result.sale();
            ObjectNode done = Journal.payload("EXCHANGE").put("exchangeId", result.exchangeId()).put("newSaleId", sale.saleId())
                    .put("eventId", sale.eventId()).put("holdId", hold.id()).put("reason", why)
                    .put("returnedMinor", result.returnedMinor()).put("newMinor", result.newMinor())
                    .put("differenceMinor", result.differenceMinor()).put("method", method)
                    .put("currency", sale.currency());
            ids.forEach(done.withArray("returnedTicketIds")::add);
            sale.tickets().forEach(t -> done.withArray("tickets").addObject().put("ticketId", t.ticketId())
                    .put("seatId", t.seatId()).put("priceMinor", t.priceMinor()).put("chipId", t.holderChipId()));
            ctx.journal().append(LedgerKind.SALE, done);
            return result;
        }, result -> {
            form.clear();
            form.clearMoney();
            counter.newSale();
            SaleResult sale = result.sale();
            String chipId = sale.tickets().stream().map(IssuedTicket::holderChipId).filter(c -> c != null && !c.isBlank())
                    .findFirst().orElse(null);
            Message settled = settledMessage(result, currency, method);
            if (chipId != null) {
                Set<UUID> returned = new HashSet<>();
                ids.forEach(id -> returned.add(UUID.fromString(id)));
                pendingChip.set(new PendingChip(sale.saleId(), chipId, sale.tickets(), returned));
                search.refresh(settled);
                writeToChip();
            } else {
                run(() -> printExchange(result, rows.getFirst(), payment), printed -> search.refresh(printed));
            }
        });
    }

    /** The new tickets of an exchange onto the chip (tap again after a pulled card); the returned ones are deleted. */
    public void writeToChip() {
        PendingChip pending = pendingChip.get();
        if (pending == null) {
            return;
        }
        run(() -> {
            var card = ctx.reader().tap();
            var written = counter.pipeline().issue(pending.saleId(), pending.chipId(), pending.tickets(), card);
            int deleted = chips.delete(card, pending.chipId(), pending.returned(),
                    ChipDesk.Entitlement.sale(pending.saleId()));
            ctx.journal().append(LedgerKind.ISSUE, Journal.payload("EXCHANGE_OLD_COPY_DELETED")
                    .put("saleId", pending.saleId()).put("chipId", pending.chipId()).put("deleted", deleted));
            return written.written() + written.alreadyThere();
        }, written -> {
            pendingChip.set(null);
            feedback.say(Message.of("aftersales.exchange.onChip", written));
        });
    }

    private Message settledMessage(ExchangeResult result, String currency, String method) {
        long d = result.differenceMinor();
        if (d > 0) {
            long change = result.sale().changeMinor();
            return change > 0
                    ? Message.of("aftersales.exchange.paidChange", form.money(d, currency),
                            SettlementForm.methodKey(method), form.money(change, currency))
                    : Message.of("aftersales.exchange.paid", form.money(d, currency), SettlementForm.methodKey(method));
        }
        return d < 0
                ? Message.of("aftersales.exchange.refunded", form.money(-d, currency), SettlementForm.methodKey(method))
                : Message.of("aftersales.exchange.even");
    }

    private Message summarizeExchange() {
        Hold hold = counter.holdProperty().get();
        List<TicketRow> rows = search.selected().stream().filter(TicketRow::valid).toList();
        if (rows.isEmpty() || hold == null || counter.phaseProperty().get() != SalePhase.HELD) {
            return Message.of("aftersales.exchange.how");
        }
        String currency = rows.getFirst().currency();
        long back = rows.stream().mapToLong(r -> r.ticket().priceMinor()).sum();
        long out = counter.pendingTotalMinor();
        long d = out - back;
        String key = d > 0 ? "aftersales.exchange.toPay" : d < 0 ? "aftersales.exchange.toRefund" : "aftersales.exchange.noDifference";
        return Message.of(key, rows.size(), form.money(back, currency), hold.seatIds().size(), form.money(out, currency),
                form.money(Math.abs(d), currency));
    }

    private Message printExchange(ExchangeResult result, TicketRow returned, Payment payment) {
        SaleResult sale = result.sale();
        Message tickets = printer.printSale(sale, payment.tenderedMinor() == null ? null
                : payment.tenderedMinor() + result.returnedMinor());
        return Message.of("aftersales.exchange.printed", settledMessage(result, returned.currency(), payment.method().name()), tickets);
    }

    private <T> void run(Callable<T> work, Consumer<T> done) {
        feedback.run(ctx.tasks(), work, done, AfterSalesViewModel::describe);
    }

    public ReadOnlyObjectProperty<PendingChip> pendingChipProperty() {
        return pendingChip.getReadOnlyProperty();
    }

    /** What the exchange would cost or give back, or how to start one. */
    public ObjectBinding<Message> exchangeSummaryProperty() {
        return exchangeSummary;
    }
}
