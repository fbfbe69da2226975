package dev.tessera.desktop.aftersales;

import dev.tessera.contract.sales.PaymentMethod;
import dev.tessera.contract.sales.RefundMethod;
import dev.tessera.desktop.ui.Feedback;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tessera.core.model.LedgerKind;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.core.ticket.PaperCode;
import dev.tessera.core.ticket.TicketCodec;
import dev.tessera.core.format.TicketFormatException;
import dev.tessera.desktop.aftersales.PaperDesk.PaperTicketLine;
import dev.tessera.contract.sales.Exchange;
import dev.tessera.contract.sales.ExchangeResult;
import dev.tessera.contract.sales.VoidTicket;
import dev.tessera.contract.aftersales.Reprint;
import dev.tessera.contract.aftersales.Reprinted;
import dev.tessera.contract.aftersales.SaleView;
import dev.tessera.contract.aftersales.TicketView;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.desktop.center.CenterApiTypes.Hold;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.contract.sales.IssuedTicket;
import dev.tessera.contract.sales.Payment;
import dev.tessera.contract.sales.SaleResult;
import dev.tessera.contract.sales.Voided;
import dev.tessera.desktop.counter.ChipDesk;
import dev.tessera.desktop.counter.CounterContext;
import dev.tessera.desktop.counter.CounterViewModel;
import dev.tessera.desktop.counter.Journal;
import dev.tessera.desktop.counter.SalePhase;
import dev.tessera.desktop.ui.Formats;
import dev.tessera.desktop.ui.Amount;
import dev.tessera.desktop.ui.Message;
import dev.tessera.reports.print.ReportPrinter;
import dev.tessera.reports.ReportException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After-sales at the counter (issue 5): look a sale up by ticket, sale or chip; refund or void with a
 * reason; exchange tickets for seats held on the counter's map in one step at the center; reprint a
 * paper ticket (optionally reissued). Every step is journaled before the center is asked, and once
 * more with the outcome. Paper sales print their tickets and receipt through {@link #salePaper()}.
 */
public final class AfterSalesViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(AfterSalesViewModel.class);
    private static final Pattern UUID_TEXT = Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern CHIP_TEXT = Pattern.compile("(?i)(?:[0-9a-f]{2}){4,32}");
    /** A seat in words: optional section, optional "row", row label, optional "seat", seat number. */
    private static final Pattern SEAT_WORDS = Pattern.compile(
            "(?iu)^(?:(?<section>.+?)\\s+)??(?:row\\s*)?(?<row>[\\p{L}\\p{N}]{1,4}?)\\s*[-/.\\s]?\\s*(?:seat\\s*)?(?<seat>\\p{N}{1,4})$");

    private final CounterContext ctx;
    private final CounterViewModel counter;
    private final PaperDesk paper;
    private final ChipDesk chips;
    private final Map<Long, EventPaper> events = new ConcurrentHashMap<>();
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<TicketRow> tickets = FXCollections.observableArrayList();
    private final ObservableList<TicketRow> selected = FXCollections.observableArrayList();
    private final ObjectProperty<Reason> reason = new SimpleObjectProperty<>();
    private final StringProperty note = new SimpleStringProperty("");
    private final ObjectProperty<String> settleMethod = new SimpleObjectProperty<>("CASH");
    private final StringProperty tendered = new SimpleStringProperty("");
    private final StringProperty reference = new SimpleStringProperty("");
    private final BooleanProperty reissue = new SimpleBooleanProperty();
    private final Feedback feedback = new Feedback(Message.of("aftersales.hint"));
    private final ReadOnlyObjectWrapper<PendingChip> pendingChip = new ReadOnlyObjectWrapper<>();
    private final ObjectBinding<Message> exchangeSummary;
    private Lookup last;
    /** Issue 17: the refunds made at this counter, by ticket, for their credit notes. */
    private final Map<String, CreditNote> creditNotes = new java.util.LinkedHashMap<>();
    /** The last refund's credit notes: they print when no refunded ticket of this counter is selected. */
    private List<CreditNote> lastCreditNotes = List.of();

    /** What the last lookup asked for (GET /api/sales's query), so the list refreshes after each action. */
    record Lookup(Map<String, String> params) {
        Lookup(String by, String value) {
            this(Map.of(by, value));
        }
    }

    /** The seats of a map a clerk's words name: "A 11", "A-11", "row A seat 11", "Stalls A 11". */
    record SeatWords(List<String> seatIds, List<String> sections) {}

    /** New tickets of an exchange still to be written to the customer's chip, and the returned ones to delete. */
    public record PendingChip(long saleId, String chipId, List<IssuedTicket> tickets, Set<UUID> returned) {}

    public AfterSalesViewModel(CounterContext ctx, CounterViewModel counter, PaperDesk paper) {
        this.ctx = ctx;
        this.counter = counter;
        this.paper = paper;
        this.chips = new ChipDesk(ctx.session());
        this.exchangeSummary = Bindings.createObjectBinding(this::summarizeExchange, selected, counter.holdProperty(),
                counter.phaseProperty());
    }

    // ---- lookup ----

    /**
     * Enter in the search field: a sale number, a ticket id, a chip id, a scanned paper ticket's code, a seat of the
     * event on the counter's map ("A 11", "Stalls row A seat 11"), a phone number however written, or part of the
     * customer's name or e-mail address.
     */
    public void lookup() {
        String text = query.get() == null ? "" : query.get().strip();
        Lookup lookup = parse(text);
        if (lookup == null) {
            EventInfo event = counter.eventProperty().get();
            SeatWords seats = seats(text, counter.seats().seatMapProperty().get());
            if (event != null && seats.seatIds().size() == 1) {
                lookup = new Lookup(Map.of("eventId", Long.toString(event.id()), "seatId", seats.seatIds().getFirst()));
            } else if (seats.seatIds().size() > 1) {
                fail(Message.of("aftersales.lookup.seatAmbiguous", String.join(", ", seats.sections()),
                        seats.sections().getFirst()));
                return;
            } else if (text.codePointCount(0, text.length()) >= 2) {
                lookup = new Lookup("customer", text);
            } else {
                fail(Message.of("aftersales.lookup.unknown"));
                return;
            }
        }
        find(lookup);
    }

    /** The seats of {@code map} the words name (row and seat labels, and the section's name when given). */
    static SeatWords seats(String text, SeatMap map) {
        var m = SEAT_WORDS.matcher(text.strip());
        if (map == null || !m.matches()) {
            return new SeatWords(List.of(), List.of());
        }
        String sectionWords = m.group("section");
        List<String> ids = new ArrayList<>();
        List<String> sections = new ArrayList<>();
        for (var section : map.sections()) {
            if (sectionWords != null && !section.name().equalsIgnoreCase(sectionWords.strip())
                    && !section.id().equalsIgnoreCase(sectionWords.strip())) {
                continue;
            }
            for (var row : section.rows()) {
                if (!row.label().equalsIgnoreCase(m.group("row"))) {
                    continue;
                }
                for (var seat : row.seats()) {
                    if (seat.label().equals(m.group("seat"))) {
                        ids.add(seat.id());
                        sections.add(section.name());
                    }
                }
            }
        }
        return new SeatWords(List.copyOf(ids), List.copyOf(sections));
    }

    /** The customer holds their chip on the reader: every sale issued to it. */
    public void tapChip() {
        run(() -> ChipDesk.chipId(ctx.reader().tap()), chipId -> {
            query.set(chipId);
            find(new Lookup("chipId", chipId));
        });
    }

    static Lookup parse(String text) {
        if (text.isEmpty()) {
            return null;
        }
        // a chip id is at least 8 hex digits, so a longer number is taken as a chip unless written "#123…"
        String number = text.startsWith("#") ? text.substring(1) : text;
        if (!number.isEmpty() && number.chars().allMatch(Character::isDigit) && number.length() < 18
                && (number.length() < 8 || text.startsWith("#"))) {
            return new Lookup("saleId", number);
        }
        if (UUID_TEXT.matcher(text).matches()) {
            return new Lookup("ticketId", text.toLowerCase(java.util.Locale.ROOT));
        }
        if (phone(text)) {
            return new Lookup("customer", text);
        }
        if (CHIP_TEXT.matcher(text).matches()) {
            return new Lookup("chipId", text.toLowerCase(java.util.Locale.ROOT));
        }
        try {
            // a paper ticket's QR code carries the signed ticket itself (a paper code, or base64 on older prints)
            return new Lookup("ticketId", TicketCodec.decode(PaperCode.decode(text)).ticket().ticketId().toString());
        } catch (IllegalArgumentException | TicketFormatException e) {
            return null;
        }
    }

    /**
     * A phone number, before the chip id it could pass for: + and a country code, or 7 to 15 digits written with
     * spaces, dashes or brackets, or a domestic number typed as 10 or 11 digits from 0 (a chip id has 16 hex digits).
     */
    static boolean phone(String text) {
        if (dev.tessera.core.contact.PhoneNumber.searchKey(text) == null) {
            return false;
        }
        long digits = text.chars().filter(Character::isDigit).count();
        if (digits < 7 || digits > 15) {
            return false;
        }
        boolean digitsOnly = text.chars().allMatch(Character::isDigit);
        return !digitsOnly || text.startsWith("0") && digits <= 11;
    }

    private void find(Lookup lookup) {
        run(() -> rows(ctx.session().findSales(lookup.params())), rows -> {
            last = lookup;
            tickets.setAll(rows);
            feedback.say(rows.isEmpty() ? Message.of("aftersales.lookup.none")
                    : Message.of("aftersales.lookup.found", rows.stream().map(TicketRow::saleId).distinct().count(),
                    rows.size()));
        });
    }

    private List<TicketRow> rows(List<SaleView> sales) {
        List<TicketRow> rows = new ArrayList<>();
        for (SaleView sale : sales) {
            EventPaper ev = eventPaper(sale.eventId());
            for (TicketView t : sale.tickets()) {
                String[] place = ev.place(t.seatId());
                rows.add(new TicketRow(sale.saleId(), sale.eventId(), ev.event().name(), t, place[0], place[1], place[2],
                        ev.categoryName(t.categoryId()), ev.gateName(t.gateId()), sale.currency(),
                        sale.customerName(), sale.contact()));
            }
        }
        return rows;
    }

    /** Blocking: the event, its venue address and seat map, fetched once per event. */
    EventPaper eventPaper(long eventId) {
        return events.computeIfAbsent(eventId, id -> {
            CenterSession session = ctx.session();
            EventInfo event = session.event(id);
            return new EventPaper(event, session.venueOfEvent(event).address(),
                    session.seatMap(event.venueId(), event.seatMapVersion()), session.eventTax(id));
        });
    }

    private void refresh(Message done) {
        Lookup lookup = last;
        if (lookup == null) {
            feedback.say(done);
            return;
        }
        run(() -> rows(ctx.session().findSales(lookup.params())), rows -> {
            tickets.setAll(rows);
            feedback.say(done);
        });
    }

    // ---- refund and void ----

    /** Money back (cash, or card with the card refund's reference) and the seats for sale again. */
    public void refund() {
        voidSelected(true);
    }

    /** Void without money back, e.g. a ticket sold by mistake and not paid. */
    public void voidOnly() {
        voidSelected(false);
    }

    private void voidSelected(boolean withRefund) {
        List<TicketRow> rows = validSelection();
        String why = reasonText();
        if (rows == null || why == null) {
            return;
        }
        String method = settleMethod.get();
        if (!confirmVoid(rows, withRefund, method)) {
            return;
        }
        String ref = "CARD".equals(method) && !reference.get().isBlank() ? reference.get().strip() : null;
        String type = withRefund ? "REFUND" : "VOID";
        LedgerKind kind = withRefund ? LedgerKind.REFUND : LedgerKind.VOID;
        run(() -> {
            ObjectNode intent = Journal.payload(type + "_STARTED").put("reason", why);
            rows.forEach(r -> intent.withArray("ticketIds").add(r.ticketId()));
            if (withRefund) {
                intent.put("method", method).put("reference", ref);
            }
            ctx.journal().append(kind, intent);
            long total = 0;
            List<Voided> voided = new ArrayList<>();
            for (TicketRow r : rows) {
                Voided v = ctx.session().refundTicket(r.ticketId(), new VoidTicket(why, withRefund,
                        withRefund ? RefundMethod.valueOf(method) : null, withRefund ? ref : null));
                ctx.journal().append(kind, Journal.payload(type).put("ticketId", v.ticketId()).put("saleId", v.saleId())
                        .put("version", v.version()).put("reason", why).put("refundMinor", v.refundMinor())
                        .put("method", withRefund ? method : null).put("reference", ref).put("refundId", v.refundId()));
                total += v.refundMinor();
                voided.add(v);
            }
            return new Refunded(total, withRefund ? creditNotes(rows, voided, method, ref) : List.of());
        }, refunded -> {
            long total = refunded.totalMinor();
            clearReason();
            if (withRefund) {
                refunded.creditNotes().forEach(n -> creditNotes.put(n.ticketId(), n));
                lastCreditNotes = refunded.creditNotes();
            }
            String currency = rows.getFirst().currency();
            refresh(withRefund ? Message.of("aftersales.refund.done", rows.size(), money(total, currency), methodKey(method))
                    : Message.of("aftersales.void.done", rows.size()));
        });
    }

    private record Refunded(long totalMinor, List<CreditNote> creditNotes) {}

    /**
     * Blocking: the credit notes of the refunds just made, each at the rate the center kept with its ticket at sale
     * time (from the sales log, which gives each ticket's stored rate).
     */
    private List<CreditNote> creditNotes(List<TicketRow> rows, List<Voided> voided, String method, String ref) {
        java.time.Instant at = ctx.clock().instant();
        Map<String, Integer> rates = new java.util.HashMap<>();
        rows.stream().map(TicketRow::eventId).distinct().forEach(eventId -> ctx.session()
                .salesLog(new dev.tessera.desktop.center.ManagerApiTypes.SalesLogQuery(null, null,
                        java.time.ZoneId.systemDefault(), null, eventId, null))
                .lines().forEach(l -> rates.put(l.ticketId(), l.taxRateBasisPoints())));
        List<CreditNote> notes = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            TicketRow r = rows.get(i);
            Voided v = voided.get(i);
            if (v.refundId() == null || v.refundMinor() == 0) {
                continue;
            }
            TicketView t = r.ticket();
            notes.add(new CreditNote(v.refundId(), r.saleId(), r.eventId(), t.ticketId(), t.seatId(), t.categoryId(),
                    t.attendee(), v.refundMinor(), method, ref, at, rates.getOrDefault(t.ticketId(), 0)));
        }
        return notes;
    }

    /** Asks the clerk, with the amount, the method and the seats that go back on sale; false when cancelled. */
    private boolean confirmVoid(List<TicketRow> rows, boolean withRefund, String method) {
        List<String> places = rows.stream().map(r -> ctx.l10n().text("aftersales.place", r.section(), r.row(), r.seat()))
                .toList();
        String seats = String.join(", ", places);
        if (!withRefund) {
            return ctx.dialogs().confirm(Message.of("aftersales.confirm.void.question", rows.size()),
                    Message.of("aftersales.confirm.void.consequence", seats), Message.of("aftersales.confirm.void.action"));
        }
        Amount amount = new Amount(rows.stream().mapToLong(r -> r.ticket().priceMinor()).sum(), rows.getFirst().currency());
        return ctx.dialogs().confirm(Message.of("aftersales.confirm.refund.question", amount, methodKey(method), rows.size()),
                Message.of("aftersales.confirm.refund.consequence", seats),
                Message.of("aftersales.confirm.refund.action", amount));
    }

    // ---- exchange ----

    /**
     * The selected tickets back, the seats held on the counter's map out, in one transaction at the
     * center. The difference is paid or refunded by the chosen method; new tickets go to the same
     * chip (tap it) or onto paper.
     */
    public void exchange() {
        List<TicketRow> rows = validSelection();
        String why = reasonText();
        if (rows == null || why == null) {
            return;
        }
        Hold hold = counter.holdProperty().get();
        if (hold == null || counter.phaseProperty().get() != SalePhase.HELD) {
            fail(Message.of("aftersales.exchange.holdFirst"));
            return;
        }
        if (hold.eventId() != rows.getFirst().eventId() || rows.stream().map(TicketRow::saleId).distinct().count() != 1) {
            fail(Message.of("aftersales.exchange.sameSale"));
            return;
        }
        String currency = rows.getFirst().currency();
        long difference = counter.pendingTotalMinor() - rows.stream().mapToLong(r -> r.ticket().priceMinor()).sum();
        String method = settleMethod.get();
        Long tenderedMinor = minor(tendered.get(), currency);
        if ("CASH".equals(method) && difference > 0 && !tendered.get().isBlank()
                && (tenderedMinor == null || tenderedMinor < difference)) {
            fail(Message.of("aftersales.exchange.shortCash", money(difference, currency)));
            return;
        }
        String ref = "CARD".equals(method) && !reference.get().isBlank() ? reference.get().strip() : null;
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
            clearReason();
            tendered.set("");
            reference.set("");
            counter.newSale();
            SaleResult sale = result.sale();
            String chipId = sale.tickets().stream().map(IssuedTicket::holderChipId).filter(c -> c != null && !c.isBlank())
                    .findFirst().orElse(null);
            Message settled = settledMessage(result, currency, method);
            if (chipId != null) {
                Set<UUID> returned = new HashSet<>();
                ids.forEach(id -> returned.add(UUID.fromString(id)));
                pendingChip.set(new PendingChip(sale.saleId(), chipId, sale.tickets(), returned));
                refresh(settled);
                writeToChip();
            } else {
                run(() -> printExchange(result, rows.getFirst(), payment), printed -> refresh(printed));
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
                    ? Message.of("aftersales.exchange.paidChange", money(d, currency), methodKey(method), money(change, currency))
                    : Message.of("aftersales.exchange.paid", money(d, currency), methodKey(method));
        }
        return d < 0 ? Message.of("aftersales.exchange.refunded", money(-d, currency), methodKey(method))
                : Message.of("aftersales.exchange.even");
    }

    private Message summarizeExchange() {
        Hold hold = counter.holdProperty().get();
        List<TicketRow> rows = selected.stream().filter(TicketRow::valid).toList();
        if (rows.isEmpty() || hold == null || counter.phaseProperty().get() != SalePhase.HELD) {
            return Message.of("aftersales.exchange.how");
        }
        String currency = rows.getFirst().currency();
        long back = rows.stream().mapToLong(r -> r.ticket().priceMinor()).sum();
        long out = counter.pendingTotalMinor();
        long d = out - back;
        String key = d > 0 ? "aftersales.exchange.toPay" : d < 0 ? "aftersales.exchange.toRefund" : "aftersales.exchange.noDifference";
        return Message.of(key, rows.size(), money(back, currency), hold.seatIds().size(), money(out, currency),
                money(Math.abs(d), currency));
    }

    // ---- reprint ----

    /** A paper ticket printed again, marked "REPRINT n"; with reissue the old paper stops working at the gate. */
    public void reprint() {
        List<TicketRow> rows = validSelection();
        String why = reasonText();
        if (rows == null || why == null) {
            return;
        }
        boolean again = reissue.get();
        if (again && rows.stream().anyMatch(TicketRow::onChip)) {
            fail(Message.of("aftersales.reprint.onChip"));
            return;
        }
        String seller = ctx.session().account().displayName();
        var locale = ctx.l10n().getLocale();
        run(() -> {
            List<Reprinted> done = new ArrayList<>();
            ReportPrinter.Outcome outcome = null;
            for (TicketRow r : rows) {
                ctx.journal().append(LedgerKind.ISSUE, Journal.payload("REPRINT_STARTED").put("ticketId", r.ticketId())
                        .put("reason", why).put("reissue", again));
                Reprinted p = ctx.session().reprintTicket(r.ticketId(), new Reprint(why, again));
                TicketView t = r.ticket();
                outcome = paper.tickets(eventPaper(r.eventId()), List.of(new PaperTicketLine(t.ticketId(), t.seatId(),
                        t.categoryId(), t.gateId(), t.priceMinor(), t.attendee(), p.encoded(), p.reprintNo())), seller,
                        locale, "reprint-" + p.reprintNo() + "-" + t.ticketId().substring(0, 8));
                ctx.journal().append(LedgerKind.ISSUE, Journal.payload("REPRINT").put("ticketId", p.ticketId())
                        .put("reprintNo", p.reprintNo()).put("version", p.version()).put("reissued", p.reissued())
                        .put("reason", why).put("output", where(outcome)));
                done.add(p);
            }
            return printed(outcome, again ? "aftersales.reprint.reissued" : "aftersales.reprint.done", done.size(),
                    done.getLast().reprintNo());
        }, printed -> {
            clearReason();
            reissue.set(false);
            refresh(printed);
        });
    }

    // ---- credit notes (issue 17) ----

    /**
     * The credit notes to print: those of the selected tickets refunded at this counter, or, with none selected, those
     * of the last refund made here; null (and the reason on screen) when there is none.
     */
    private List<CreditNote> chosenCreditNotes() {
        List<CreditNote> chosen = selected.stream().map(r -> creditNotes.get(r.ticketId()))
                .filter(java.util.Objects::nonNull).toList();
        if (chosen.isEmpty()) {
            chosen = lastCreditNotes;
        }
        if (chosen.isEmpty()) {
            fail(Message.of("aftersales.creditNote.none"));
            return null;
        }
        return chosen;
    }

    /** Ctrl+P: prints the credit notes (CN-…) of the refunds, through the counter's printer or as PDF. */
    public void printCreditNotes() {
        List<CreditNote> notes = chosenCreditNotes();
        if (notes == null || feedback.busyProperty().get()) {
            return;
        }
        String seller = ctx.session().account().displayName();
        var locale = ctx.l10n().getLocale();
        run(() -> {
            ReportPrinter.Outcome outcome = null;
            for (CreditNote n : notes) {
                outcome = paper.creditNote(eventPaper(n.eventId()), n, seller, locale);
                ctx.journal().append(LedgerKind.ISSUE, Journal.payload("CREDIT_NOTE_PRINTED")
                        .put("ticketId", n.ticketId()).put("creditNote", n.number()).put("output", where(outcome)));
            }
            String numbers = String.join(", ", notes.stream().map(CreditNote::number).toList());
            return switch (outcome) {
                case ReportPrinter.SavedAsPdf pdf -> Message.of("aftersales.creditNote.done.pdf", numbers,
                        pdf.file().toString());
                case ReportPrinter.Printed p -> Message.of("aftersales.creditNote.done.printer", numbers, p.printer());
            };
        }, feedback::say);
    }

    /** Ctrl+Shift+P: the credit notes as they will print, in a window with Print. */
    public void previewCreditNotes() {
        List<CreditNote> notes = chosenCreditNotes();
        if (notes == null || feedback.busyProperty().get()) {
            return;
        }
        String seller = ctx.session().account().displayName();
        var locale = ctx.l10n().getLocale();
        run(() -> PaperDesk.pages(notes.stream().map(n -> paper.creditNotePrint(eventPaper(n.eventId()), n, seller,
                locale)).toList()), pages -> {
            String numbers = String.join(", ", notes.stream().map(CreditNote::number).toList());
            if (ctx.dialogs().preview(Message.of("aftersales.creditNote.previewTitle", numbers), pages,
                    Message.of("aftersales.creditNote.print"))) {
                printCreditNotes();
            }
        });
    }

    // ---- paper at the sale ----

    /**
     * Blocking: a paper sale's tickets and receipt, printed right after the center issued them (claim
     * 20). Journaled before the printer is asked; the message says where the paper (or PDF) went.
     */
    public Message printSale(SaleResult sale, Long tenderedMinor) {
        try {
            return printPaper(sale, tenderedMinor);
        } catch (ReportException e) {
            // the sale stands; the clerk reprints from After-sales once the printer works
            LOG.warn("paper tickets of sale {} not printed", sale.saleId(), e);
            return Message.of("aftersales.printFailed", e.getMessage());
        }
    }

    private Message printPaper(SaleResult sale, Long tenderedMinor) {
        List<PaperTicketLine> lines = paperLines(sale);
        ObjectNode intent = Journal.payload("PAPER_ISSUE").put("saleId", sale.saleId());
        lines.forEach(l -> intent.withArray("ticketIds").add(l.ticketId()));
        ctx.journal().append(LedgerKind.ISSUE, intent);
        EventPaper ev = eventPaper(sale.eventId());
        String seller = ctx.session().account().displayName();
        var locale = ctx.l10n().getLocale();
        ReportPrinter.Outcome tickets = paper.tickets(ev, lines, seller, locale, "tickets-sale-" + sale.saleId());
        paper.receipt(ev, sale.saleId(), ctx.clock().instant(), seller, lines, sale.totalMinor(), sale.paymentMethod(),
                null, tenderedMinor, locale);
        ctx.journal().append(LedgerKind.ISSUE, Journal.payload("PAPER_PRINTED").put("saleId", sale.saleId())
                .put("output", where(tickets)));
        return printed(tickets, "aftersales.paper.done", lines.size(), 0);
    }

    /** The counter's Print and Preview for the paper sale on screen (a printer's refusal is thrown, not swallowed). */
    public dev.tessera.desktop.counter.SalePaper salePaper() {
        return new dev.tessera.desktop.counter.SalePaper() {
            @Override
            public Message print(SaleResult sale, Long tenderedMinor) {
                return printPaper(sale, tenderedMinor);
            }

            @Override
            public List<java.awt.image.BufferedImage> pages(SaleResult sale, Long tenderedMinor) {
                List<PaperTicketLine> lines = paperLines(sale);
                EventPaper ev = eventPaper(sale.eventId());
                String seller = ctx.session().account().displayName();
                var locale = ctx.l10n().getLocale();
                return PaperDesk.pages(List.of(paper.ticketsPrint(ev, lines, seller, locale),
                        paper.receiptPrint(ev, sale.saleId(), ctx.clock().instant(), seller, lines, sale.totalMinor(),
                                sale.paymentMethod(), null, tenderedMinor, locale)));
            }
        };
    }

    private static List<PaperTicketLine> paperLines(SaleResult sale) {
        return sale.tickets().stream().map(t -> new PaperTicketLine(t.ticketId(), t.seatId(),
                t.categoryId(), t.gateId(), t.priceMinor(), t.attendee(), t.encoded(), 0)).toList();
    }

    private Message printExchange(ExchangeResult result, TicketRow returned, Payment payment) {
        SaleResult sale = result.sale();
        Message tickets = printSale(sale, payment.tenderedMinor() == null ? null
                : payment.tenderedMinor() + result.returnedMinor());
        return Message.of("aftersales.exchange.printed", settledMessage(result, returned.currency(), payment.method().name()), tickets);
    }

    private static Message printed(ReportPrinter.Outcome outcome, String key, int count, int reprintNo) {
        return switch (outcome) {
            case ReportPrinter.SavedAsPdf pdf -> Message.of(key + ".pdf", count, reprintNo, pdf.file().toString());
            case ReportPrinter.Printed p -> Message.of(key + ".printer", count, reprintNo, p.printer());
        };
    }

    private static String where(ReportPrinter.Outcome outcome) {
        return switch (outcome) {
            case ReportPrinter.SavedAsPdf pdf -> pdf.file().toString();
            case ReportPrinter.Printed p -> "printer " + p.printer();
        };
    }

    // ---- helpers ----

    private List<TicketRow> validSelection() {
        List<TicketRow> rows = List.copyOf(selected);
        if (rows.isEmpty()) {
            fail(Message.of("aftersales.select"));
            return null;
        }
        if (!rows.stream().allMatch(TicketRow::valid)) {
            fail(Message.of("aftersales.notValid"));
            return null;
        }
        return rows;
    }

    private String reasonText() {
        Reason r = reason.get();
        if (r == null || (r == Reason.OTHER && note.get().isBlank())) {
            fail(Message.of(r == null ? "aftersales.reason.choose" : "aftersales.reason.explain"));
            return null;
        }
        String text = r.audit(note.get());
        if (text.length() > 400) {
            fail(Message.of("aftersales.reason.tooLong"));
            return null;
        }
        return text;
    }

    private void clearReason() {
        reason.set(null);
        note.set("");
    }

    private String money(long minor, String currency) {
        return Formats.money(minor, currency, ctx.l10n().getLocale());
    }

    /** A message inside a message: the view puts nested messages into words too. */
    private static Message methodKey(String method) {
        return Message.of("CARD".equals(method) ? "aftersales.method.card" : "aftersales.method.cash");
    }

    static Long minor(String text, String currency) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(",", ""))
                    .movePointRight(Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits())).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    private void fail(Message why) {
        feedback.fail(why);
    }

    private <T> void run(Callable<T> work, Consumer<T> done) {
        feedback.run(ctx.tasks(), work, done, AfterSalesViewModel::describe);
    }

    private static Message describe(Exception failure) {
        if (failure instanceof ReportException e) {
            LOG.warn("printing failed", e);
            return Message.of("aftersales.printFailed", e.getMessage());
        }
        return CounterViewModel.describe(failure);
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<TicketRow> tickets() {
        return tickets;
    }

    /** The view keeps this in step with the table's selection. */
    public ObservableList<TicketRow> selected() {
        return selected;
    }

    public ObjectProperty<Reason> reasonProperty() {
        return reason;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public ObjectProperty<String> settleMethodProperty() {
        return settleMethod;
    }

    public StringProperty tenderedProperty() {
        return tendered;
    }

    public StringProperty referenceProperty() {
        return reference;
    }

    public BooleanProperty reissueProperty() {
        return reissue;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return feedback.busyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return feedback.failedProperty();
    }

    public ReadOnlyObjectProperty<Message> messageProperty() {
        return feedback.messageProperty();
    }

    public ReadOnlyObjectProperty<PendingChip> pendingChipProperty() {
        return pendingChip.getReadOnlyProperty();
    }

    public ObjectBinding<Message> exchangeSummaryProperty() {
        return exchangeSummary;
    }
}
