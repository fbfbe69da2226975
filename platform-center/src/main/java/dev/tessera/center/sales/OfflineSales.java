package dev.tessera.center.sales;

import static dev.tessera.center.db.schema.Tables.CHIP;
import static dev.tessera.center.db.schema.Tables.GATE_SCAN;
import static dev.tessera.center.db.schema.Tables.ISSUING_INFO;
import static dev.tessera.center.db.schema.Tables.SALE;
import static dev.tessera.center.db.schema.Tables.SEAT_STATE;
import static dev.tessera.center.db.schema.Tables.SOLD_SEAT;
import static dev.tessera.center.db.schema.Tables.TICKET;

import dev.tessera.center.event.EventService;
import dev.tessera.center.problem.DomainException;
import dev.tessera.center.shift.ShiftService;
import dev.tessera.center.keys.TrustedKeys;
import dev.tessera.contract.availability.SeatChange;
import dev.tessera.contract.terminal.OfflineSalePayload;
import dev.tessera.core.model.CustomerAuth;
import dev.tessera.core.model.Event;
import dev.tessera.core.model.HoldStatus;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.core.ticket.SignedTicket;
import dev.tessera.core.ticket.Ticket;
import dev.tessera.core.ticket.TicketCodec;
import dev.tessera.core.format.TicketFormatException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;

/**
 * Flow 3: a sale a terminal made while the center was out of reach, arriving in its journal. It
 * stands only inside the seller's allocated seats and quota, with tickets signed by the terminal's
 * certified key; the same database constraints as online sales keep a seat sold once.
 */
public final class OfflineSales {
    private final EventService events;
    private final TrustedKeys keys;
    private final Clock clock;

    /** The offline sale cannot stand; the journal keeps the entry, flagged for the manager. */
    public static final class Rejected extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Rejected(String reason) {
            super(reason);
        }
    }

    /** {@code areas}: the standing areas whose places the sale took (issue 18). */
    public record Applied(String detail, long eventId, List<SeatChange> changes, List<String> areas) {}

    public OfflineSales(EventService events, TrustedKeys keys, Clock clock) {
        this.events = events;
        this.keys = keys;
        this.clock = clock;
    }

    /** Applies an offline sale inside the caller's transaction. */
    public Applied apply(DSLContext ctx, long sellerId, String terminalId, String terminalKeyId, long sequence,
                         OfflineSalePayload payload) {
        try {
            return sell(ctx, sellerId, terminalId, HexFormat.of().parseHex(terminalKeyId), sequence, payload);
        } catch (DomainException e) {
            throw new Rejected(e.getMessage());
        }
    }

    private Applied sell(DSLContext ctx, long sellerId, String terminalId, byte[] terminalKeyId, long sequence,
                         OfflineSalePayload payload) {
        long eventId = payload.eventId();
        Event event = events.event(eventId);
        SeatMap map = events.seatMapOf(event);
        String method = payload.payment() == null || payload.payment().method() == null ? "CASH"
                : payload.payment().method();
        String reference = payload.payment() == null ? null : payload.payment().reference();
        String chipId = payload.customerChipId();
        List<Ticket> tickets = new ArrayList<>();
        List<String> encoded = new ArrayList<>();
        for (String signed : payload.tickets() == null ? List.<String>of() : payload.tickets()) {
            Ticket ticket = verify(signed, terminalKeyId);
            // issue 18: a standing ticket names its area, whose category prices it
            String category = ticket.generalAdmission() ? StandingPlaces.area(map, ticket.seatId()).categoryId()
                    : map.seat(ticket.seatId()).orElseThrow(() -> new Rejected("no seat " + ticket.seatId())).categoryId();
            if (ticket.eventId() != eventId || !category.equals(ticket.categoryId())
                    || ticket.priceMinor() != event.pricesMinor().get(category)
                    || !event.currency().equals(ticket.currency())) {
                throw new Rejected("ticket " + ticket.ticketId() + " does not match the event, seat or price");
            }
            tickets.add(ticket);
            encoded.add(signed);
        }
        if (tickets.isEmpty()) {
            throw new Rejected("an offline sale without tickets");
        }
        Map<String, Integer> perCategory = new TreeMap<>();
        tickets.forEach(t -> perCategory.merge(t.categoryId(), 1, Integer::sum));
        HoldService.reserveQuota(ctx, eventId, sellerId, perCategory);
        OffsetDateTime now = OffsetDateTime.now(clock);
        long holdId = HoldService.insertHold(ctx, eventId, sellerId, HoldStatus.ISSUED, now, now);
        List<String> seatIds = tickets.stream().filter(t -> !t.generalAdmission()).map(Ticket::seatId).toList();
        Map<String, Integer> places = new TreeMap<>();
        tickets.stream().filter(Ticket::generalAdmission).forEach(t -> places.merge(t.seatId(), 1, Integer::sum));
        // Offline sales only inside this seller's own allocation: nobody else can have sold these seats. A seat the
        // organizer took back from the block while the terminal was away still counts while nobody has sold it.
        List<SeatChange> sold = seatIds.isEmpty() ? List.of() : SeatStates.move(ctx, eventId, seatIds, holdId, "SOLD",
                SEAT_STATE.STATUS.eq("FREE").and(SEAT_STATE.ALLOCATED_TO.eq(sellerId)
                        .or(SEAT_STATE.ALLOCATED_TO.isNull().and(SEAT_STATE.RELEASED_FROM.eq(sellerId)))));
        // and standing places only out of the seller's allocation of the area, never more than it was given
        places.forEach((areaId, quantity) -> StandingPlaces.sellAllocated(ctx, eventId, sellerId, areaId, quantity));
        if (sold.size() != seatIds.size()) {
            throw new Rejected("seats " + seatIds + " are not all free seats allocated to this seller (sold by someone"
                    + " else, or taken back from the block and sold meanwhile)");
        }
        Long memberId = chipId == null ? null
                : ctx.select(CHIP.MEMBER_ID).from(CHIP).where(CHIP.CHIP_ID.eq(chipId)).fetchOne(CHIP.MEMBER_ID);
        long issuingInfoId = ctx.insertInto(ISSUING_INFO)
                .set(ISSUING_INFO.HOLD_ID, holdId).set(ISSUING_INFO.SELLER_ID, sellerId).set(ISSUING_INFO.EVENT_ID, eventId)
                .set(ISSUING_INFO.CUSTOMER_AUTH, (memberId == null ? CustomerAuth.WALK_IN : CustomerAuth.MEMBER_CARD).name())
                .set(ISSUING_INFO.MEMBER_ID, memberId).set(ISSUING_INFO.CHIP_ID, memberId == null ? null : chipId)
                .set(ISSUING_INFO.REGISTERED_AT, now)
                .returningResult(ISSUING_INFO.ID).fetchOne(ISSUING_INFO.ID);
        long total = tickets.stream().mapToLong(Ticket::priceMinor).sum();
        long saleId = ctx.insertInto(SALE)
                .set(SALE.EVENT_ID, eventId).set(SALE.SELLER_ID, sellerId).set(SALE.ISSUING_INFO_ID, issuingInfoId)
                .set(SALE.PAYMENT_METHOD, List.of("CASH", "CARD", "INVOICE").contains(method) ? method : "CASH")
                .set(SALE.PAYMENT_REF, reference).set(SALE.TOTAL_MINOR, total).set(SALE.CURRENCY, event.currency())
                .set(SALE.SOLD_AT, now).set(SALE.TERMINAL_ID, terminalId).set(SALE.TERMINAL_SEQUENCE, sequence)
                .set(SALE.SHIFT_ID, ShiftService.shiftOfJournal(ctx, sellerId, terminalId, sequence))
                .returningResult(SALE.ID).fetchOne(SALE.ID);
        var rates = dev.tessera.center.tax.EventTaxes.ratesIn(ctx, event);
        for (int i = 0; i < tickets.size(); i++) {
            Ticket t = tickets.get(i);
            String id = t.ticketId().toString();
            boolean admitted = ctx.fetchExists(GATE_SCAN, GATE_SCAN.TICKET_ID.eq(id), GATE_SCAN.RESULT.eq("ADMITTED"));
            if (!t.generalAdmission()) {
                ctx.insertInto(SOLD_SEAT).set(SOLD_SEAT.EVENT_ID, eventId).set(SOLD_SEAT.SEAT_ID, t.seatId())
                        .set(SOLD_SEAT.TICKET_ID, id).execute();
            }
            ctx.insertInto(TICKET)
                    .set(TICKET.ID, id).set(TICKET.EVENT_ID, eventId).set(TICKET.SALE_ID, saleId)
                    .set(TICKET.SEAT_ID, t.seatId()).set(TICKET.CATEGORY_ID, t.categoryId()).set(TICKET.GATE_ID, t.gateId())
                    .set(TICKET.PRICE_MINOR, t.priceMinor())
                    .set(TICKET.ATTENDEE, t.attendees().isEmpty() ? "" : t.attendees().getFirst())
                    .set(TICKET.HOLDER_CHIP_ID, t.holderChipId().isEmpty() ? null : t.holderChipId())
                    .set(TICKET.HOLDER_MEMBER_ID, memberId).set(TICKET.VERSION, t.version())
                    .set(TICKET.STATUS, admitted ? "USED" : "VALID").set(TICKET.ISSUED_AT, now)
                    .set(TICKET.ENCODED, encoded.get(i)).set(TICKET.GENERAL_ADMISSION, t.generalAdmission())
                    .set(TICKET.TAX_RATE_BP, offlineRate(payload, t.categoryId(), rates))
                    .execute();
        }
        return new Applied("sale " + saleId + ", " + tickets.size() + " tickets", eventId, sold,
                List.copyOf(places.keySet()));
    }

    private Ticket verify(String base64, byte[] terminalKeyId) {
        try {
            byte[] bytes = Base64.getDecoder().decode(base64);
            SignedTicket signed = TicketCodec.decodeAndVerify(bytes, keys);
            if (!Arrays.equals(signed.issuerKeyId(), terminalKeyId)) {
                throw new Rejected("a ticket of this offline sale is not signed by the terminal's own key");
            }
            if (signed.ticket().version() != 1) {
                throw new Rejected("an offline sale issues version 1 tickets");
            }
            return signed.ticket();
        } catch (IllegalArgumentException | TicketFormatException e) {
            throw new Rejected("a ticket of this offline sale does not verify: " + e.getMessage());
        }
    }

    /**
     * Issue 17: the rate the terminal sold at (its ledger keeps the event's rates; the journal entry names them in
     * {@code taxRates}, category to basis points), else the event's rate now.
     */
    private static int offlineRate(OfflineSalePayload payload, String categoryId,
                                   Map<String, dev.tessera.core.tax.TaxRate> rates) {
        Integer recorded = payload.taxRates() == null ? null : payload.taxRates().get(categoryId);
        if (recorded != null && recorded >= 0 && recorded <= dev.tessera.core.tax.TaxRate.MAX_BASIS_POINTS) {
            return recorded;
        }
        return rates.getOrDefault(categoryId, dev.tessera.core.tax.TaxRate.ZERO).basisPoints();
    }
}
