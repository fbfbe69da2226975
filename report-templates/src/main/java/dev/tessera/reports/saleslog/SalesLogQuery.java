package dev.tessera.reports.saleslog;

import static dev.tessera.center.db.schema.Tables.ACCOUNT;
import static dev.tessera.center.db.schema.Tables.EVENT;
import static dev.tessera.center.db.schema.Tables.SALE;
import static dev.tessera.center.db.schema.Tables.TICKET;

import dev.tessera.reports.data.EventCatalog;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Reads the sales log from the center's database: one line per sale and category, ordered the way
 * the report groups them (event, seller, time). The lines stream from a cursor, never all at once.
 */
public final class SalesLogQuery {
    private final DSLContext dsl;
    private final EventCatalog catalog;

    public SalesLogQuery(DSLContext dsl) {
        this.dsl = dsl;
        this.catalog = new EventCatalog(dsl);
    }

    public Condition where(SalesLogFilter filter, ZoneId zone) {
        List<Condition> where = new ArrayList<>();
        if (filter.from() != null) {
            where.add(SALE.SOLD_AT.ge(filter.from().atStartOfDay(zone).toInstant().atOffset(ZoneOffset.UTC)));
        }
        if (filter.to() != null) {
            where.add(SALE.SOLD_AT.lt(filter.to().plusDays(1).atStartOfDay(zone).toInstant().atOffset(ZoneOffset.UTC)));
        }
        if (filter.sellerId() != null) {
            where.add(SALE.SELLER_ID.eq(filter.sellerId()));
        }
        if (filter.eventId() != null) {
            where.add(SALE.EVENT_ID.eq(filter.eventId()));
        }
        return where.isEmpty() ? DSL.trueCondition() : DSL.and(where);
    }

    /** How many lines {@link #lines} will give, for the progress bar. */
    public long countLines(SalesLogFilter filter, ZoneId zone) {
        return dsl.fetchCount(dsl.selectDistinct(TICKET.SALE_ID, TICKET.CATEGORY_ID)
                .from(SALE).join(TICKET).on(TICKET.SALE_ID.eq(SALE.ID)).where(where(filter, zone)));
    }

    /** The lines; the caller closes the stream, which closes the cursor. */
    public Stream<SalesLogLine> lines(SalesLogFilter filter, ZoneId zone) {
        var tickets = DSL.count().as("tickets");
        var amount = DSL.sum(TICKET.PRICE_MINOR).as("amount");
        return dsl.select(SALE.ID, SALE.SOLD_AT, SALE.EVENT_ID, EVENT.NAME, SALE.CURRENCY, SALE.SELLER_ID,
                        ACCOUNT.DISPLAY_NAME, TICKET.CATEGORY_ID, SALE.PAYMENT_METHOD, tickets, amount)
                .from(SALE)
                .join(TICKET).on(TICKET.SALE_ID.eq(SALE.ID))
                .join(EVENT).on(EVENT.ID.eq(SALE.EVENT_ID))
                .join(ACCOUNT).on(ACCOUNT.ID.eq(SALE.SELLER_ID))
                .where(where(filter, zone))
                .groupBy(SALE.ID, SALE.SOLD_AT, SALE.EVENT_ID, EVENT.NAME, SALE.CURRENCY, SALE.SELLER_ID,
                        ACCOUNT.DISPLAY_NAME, TICKET.CATEGORY_ID, SALE.PAYMENT_METHOD)
                .orderBy(EVENT.NAME, SALE.EVENT_ID, ACCOUNT.DISPLAY_NAME, SALE.SELLER_ID, SALE.SOLD_AT, SALE.ID,
                        TICKET.CATEGORY_ID)
                .fetchSize(1_000)
                .fetchStream()
                .map(r -> new SalesLogLine(r.value1(), r.value2().toInstant(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(), catalog.event(r.value3()).categoryName(r.value8()), r.value9(),
                        r.value10(), r.value11().longValueExact()));
    }

    public String sellerName(long sellerId) {
        return dsl.select(ACCOUNT.DISPLAY_NAME).from(ACCOUNT).where(ACCOUNT.ID.eq(sellerId)).fetchOptional(ACCOUNT.DISPLAY_NAME)
                .orElse("#" + sellerId);
    }

    public String eventName(long eventId) {
        return catalog.event(eventId).name();
    }
}
