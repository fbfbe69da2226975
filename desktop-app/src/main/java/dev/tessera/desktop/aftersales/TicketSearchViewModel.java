package dev.tessera.desktop.aftersales;

import dev.tessera.desktop.ui.Feedback;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.core.ticket.PaperCode;
import dev.tessera.core.ticket.TicketCodec;
import dev.tessera.core.format.TicketFormatException;
import dev.tessera.contract.aftersales.SaleView;
import dev.tessera.contract.aftersales.TicketView;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.desktop.counter.ChipDesk;
import dev.tessera.desktop.counter.CounterContext;
import dev.tessera.desktop.counter.SaleViewModel;
import dev.tessera.desktop.ui.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * After-sales' first step (issue 5): the tickets of a sale found by sale number, ticket id, chip, a paper ticket's code,
 * a seat of the event on the counter's map, a phone number or part of the customer's name or e-mail address; and the
 * ones the clerk selected. Shown by the search row and the ticket list of {@link AfterSalesView}.
 */
public final class TicketSearchViewModel {
    private static final Pattern UUID_TEXT = Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern CHIP_TEXT = Pattern.compile("(?i)(?:[0-9a-f]{2}){4,32}");
    /** A seat in words: optional section, optional "row", row label, optional "seat", seat number. */
    private static final Pattern SEAT_WORDS = Pattern.compile(
            "(?iu)^(?:(?<section>.+?)\\s+)??(?:row\\s*)?(?<row>[\\p{L}\\p{N}]{1,4}?)\\s*[-/.\\s]?\\s*(?:seat\\s*)?(?<seat>\\p{N}{1,4})$");

    private final CounterContext ctx;
    private final SaleViewModel counter;
    private final EventPapers papers;
    private final Feedback feedback;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<TicketRow> tickets = FXCollections.observableArrayList();
    private final ObservableList<TicketRow> selected = FXCollections.observableArrayList();
    private Lookup last;

    /** What the last lookup asked for (GET /api/sales's query), so the list refreshes after each action. */
    record Lookup(Map<String, String> params) {
        Lookup(String by, String value) {
            this(Map.of(by, value));
        }
    }

    /** The seats of a map a clerk's words name: "A 11", "A-11", "row A seat 11", "Stalls A 11". */
    record SeatWords(List<String> seatIds, List<String> sections) {}

    TicketSearchViewModel(CounterContext ctx, SaleViewModel counter, EventPapers papers, Feedback feedback) {
        this.ctx = ctx;
        this.counter = counter;
        this.papers = papers;
        this.feedback = feedback;
    }

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
                feedback.fail(Message.of("aftersales.lookup.seatAmbiguous", String.join(", ", seats.sections()),
                        seats.sections().getFirst()));
                return;
            } else if (text.codePointCount(0, text.length()) >= 2) {
                lookup = new Lookup("customer", text);
            } else {
                feedback.fail(Message.of("aftersales.lookup.unknown"));
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
            EventPaper ev = papers.of(sale.eventId());
            for (TicketView t : sale.tickets()) {
                String[] place = ev.place(t.seatId());
                rows.add(new TicketRow(sale.saleId(), sale.eventId(), ev.event().name(), t, place[0], place[1], place[2],
                        ev.categoryName(t.categoryId()), ev.gateName(t.gateId()), sale.currency(),
                        sale.customerName(), sale.contact()));
            }
        }
        return rows;
    }

    /** The last lookup asked again after a step, and {@code done} said. */
    void refresh(Message done) {
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
    /** The selected tickets, or null (and why on screen) when none is selected or one is no longer valid. */
    List<TicketRow> validSelection() {
        List<TicketRow> rows = List.copyOf(selected);
        if (rows.isEmpty()) {
            feedback.fail(Message.of("aftersales.select"));
            return null;
        }
        if (!rows.stream().allMatch(TicketRow::valid)) {
            feedback.fail(Message.of("aftersales.notValid"));
            return null;
        }
        return rows;
    }

    private <T> void run(Callable<T> work, Consumer<T> done) {
        feedback.run(ctx.tasks(), work, done, AfterSalesViewModel::describe);
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
}
