package dev.tessera.reports.ticket;

import static dev.tessera.center.db.schema.Tables.ACCOUNT;
import static dev.tessera.center.db.schema.Tables.SALE;
import static dev.tessera.center.db.schema.Tables.TICKET;

import dev.tessera.center.db.schema.tables.records.TicketRecord;
import dev.tessera.reports.ReportOptions;
import dev.tessera.reports.data.EventInfo;
import dev.tessera.reports.data.EventCatalog;
import dev.tessera.core.model.Money;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;

/** Reads the tickets of a sale (or one ticket) from the center with everything a paper ticket prints. */
public final class PaperTicketQuery {
    private final DSLContext dsl;
    private final EventCatalog catalog;

    public PaperTicketQuery(DSLContext dsl) {
        this.dsl = dsl;
        this.catalog = new EventCatalog(dsl);
    }

    public List<PaperTicketData> ofSale(long saleId, ReportOptions options) {
        return load(TICKET.SALE_ID.eq(saleId), options);
    }

    public List<PaperTicketData> ofTicket(String ticketId, ReportOptions options) {
        return load(TICKET.ID.eq(ticketId), options);
    }

    private List<PaperTicketData> load(Condition which, ReportOptions options) {
        return dsl.select(TICKET.fields()).select(ACCOUNT.DISPLAY_NAME)
                .from(TICKET).join(SALE).on(SALE.ID.eq(TICKET.SALE_ID)).join(ACCOUNT).on(ACCOUNT.ID.eq(SALE.SELLER_ID))
                .where(which, TICKET.STATUS.ne("VOID"))
                .orderBy(TICKET.SEAT_ID)
                .fetch(r -> toPaper(r.into(TICKET), r.get(ACCOUNT.DISPLAY_NAME), options));
    }

    private PaperTicketData toPaper(TicketRecord t, String seller, ReportOptions options) {
        EventInfo event = catalog.event(t.getEventId());
        return new PaperTicketData(event.name(), event.servicer(), event.venueName(), event.venueAddress(),
                when(event.doorsOpen(), options), when(event.startsAt(), options), event.sectionName(t.getSeatId()),
                event.rowLabel(t.getSeatId()), event.seatLabel(t.getSeatId()), event.categoryName(t.getCategoryId()),
                event.gateName(t.getGateId()), t.getAttendee() == null ? "" : t.getAttendee(), seller, event.contact(),
                Money.format(t.getPriceMinor(), event.currency(), options.locale()), t.getId(), t.getEncoded());
    }

    static String when(Instant instant, ReportOptions options) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(options.locale())
                .format(instant.atZone(options.zone()));
    }
}
