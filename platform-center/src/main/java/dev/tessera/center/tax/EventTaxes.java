package dev.tessera.center.tax;

import static dev.tessera.center.db.schema.Tables.EVENT_TAX;
import static dev.tessera.center.db.schema.Tables.EVENT_TAX_RATE;

import dev.tessera.center.db.Database;
import dev.tessera.center.db.RenderedStatement;
import dev.tessera.center.db.schema.tables.records.EventTaxRecord;
import dev.tessera.contract.tax.CategoryRate;
import dev.tessera.contract.tax.EventTax;
import dev.tessera.contract.tax.SetTax;
import dev.tessera.core.model.Event;
import dev.tessera.core.tax.TaxCountry;
import dev.tessera.core.tax.TaxRate;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Issue 17: an event's tax, set by the organizer. Prices are tax-inclusive; each price category (seats and standing
 * areas alike) bears a rate, the country's standard rate unless set. A sale copies the rates into its lines
 * (ticket.tax_rate_bp), so changing them later never alters a past sale or its receipt.
 */
public final class EventTaxes {
    /**
     * One round trip (issue 13): the event's country in a row with a null category, then its set rates; rendered once
     * (building and rendering this union was 8 % of the center's CPU in a sale, running it a few microseconds).
     */
    private static final RenderedStatement RATES = new RenderedStatement(ctx -> {
        var eventId = DSL.param("eventId", Long.class);
        return ctx.select(EVENT_TAX.COUNTRY, DSL.inline(null, String.class), DSL.inline(null, Integer.class))
                .from(EVENT_TAX).where(EVENT_TAX.EVENT_ID.eq(eventId))
                .unionAll(DSL.select(DSL.inline(null, String.class), EVENT_TAX_RATE.CATEGORY_ID, EVENT_TAX_RATE.RATE_BP)
                        .from(EVENT_TAX_RATE).where(EVENT_TAX_RATE.EVENT_ID.eq(eventId)));
    });

    private final Database db;
    private final Clock clock;

    public EventTaxes(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public EventTax tax(Event event) {
        return tax(db.dsl(), event);
    }

    private static EventTax tax(DSLContext ctx, Event event) {
        EventTaxRecord row = ctx.selectFrom(EVENT_TAX).where(EVENT_TAX.EVENT_ID.eq(event.id())).fetchOne();
        TaxCountry country = row == null ? TaxCountry.defaultFor(event.currency())
                : TaxCountry.of(row.getCountry()).orElse(TaxCountry.NONE);
        Map<String, TaxRate> rates = ratesIn(ctx, event);
        return new EventTax(event.id(), country, row == null ? event.servicer() : row.getIssuerName(),
                row == null ? null : row.getRegistrationNumber(), country.qualifiedInvoice(),
                rates.entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> new CategoryRate(e.getKey(), e.getValue().basisPoints())).toList());
    }

    /** A row of {@link #RATES}: the event's country (no category), or a category's own rate. */
    private record RateRow(String country, String category, Integer rateBp) {}

    private static RateRow rateRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new RateRow(rs.getString(1), rs.getString(2), rs.getObject(3, Integer.class));
    }

    /** The rate of every price category of the event now, inside the caller's transaction (a sale's). */
    public static Map<String, TaxRate> ratesIn(DSLContext ctx, Event event) {
        return rates(RATES.fetch(ctx, EventTaxes::rateRow, event.id(), event.id()), event);
    }

    /**
     * {@link #ratesIn(DSLContext, Event)} read as a step of {@code pipeline}: the rates, once the pipeline has run.
     */
    public static java.util.function.Supplier<Map<String, TaxRate>> ratesIn(dev.tessera.center.db.Pipeline pipeline,
                                                                            Event event) {
        var rows = pipeline.fetch(RATES, EventTaxes::rateRow, event.id(), event.id());
        return () -> rates(rows.rows(), event);
    }

    private static Map<String, TaxRate> rates(List<RateRow> rows, Event event) {
        String country = rows.stream().filter(r -> r.category() == null).map(RateRow::country).findFirst()
                .orElse(null);
        TaxRate standard = (country == null ? TaxCountry.defaultFor(event.currency())
                : TaxCountry.of(country).orElse(TaxCountry.NONE)).standard();
        Map<String, TaxRate> rates = new HashMap<>();
        event.pricesMinor().keySet().forEach(category -> rates.put(category, standard));
        rows.stream().filter(r -> r.category() != null)
                .forEach(r -> rates.put(r.category(), new TaxRate(r.rateBp())));
        return rates;
    }

    /** Sets the event's tax; a request that cannot be met throws {@link IllegalArgumentException} saying why. */
    public EventTax set(Event event, SetTax req) {
        long eventId = event.id();
        if (req == null) {
            throw new IllegalArgumentException("the body names the country, the issuer and the rates");
        }
        String issuer = req.issuerName() == null ? event.servicer() : req.issuerName().strip();
        if (issuer.isEmpty() || issuer.length() > 200) {
            throw new IllegalArgumentException("issuerName has 1 to 200 characters");
        }
        String number = req.registrationNumber() == null || req.registrationNumber().isBlank() ? null
                : req.registrationNumber().strip();
        List<CategoryRate> rates = req.rates() == null ? List.of() : req.rates();
        for (CategoryRate rate : rates) {
            if (rate == null || rate.categoryId() == null || !event.pricesMinor().containsKey(rate.categoryId())) {
                throw new IllegalArgumentException("a rate names one of the event's price categories "
                        + event.pricesMinor().keySet());
            }
            if (rate.rateBasisPoints() < 0 || rate.rateBasisPoints() > TaxRate.MAX_BASIS_POINTS) {
                throw new IllegalArgumentException("rateBasisPoints is 0 to " + TaxRate.MAX_BASIS_POINTS
                        + " (1000 is 10 %)");
            }
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return db.tx(ctx -> {
            EventTaxRecord row = ctx.selectFrom(EVENT_TAX).where(EVENT_TAX.EVENT_ID.eq(eventId)).forUpdate().fetchOne();
            TaxCountry country = req.country() != null ? req.country()
                    : row == null ? TaxCountry.defaultFor(event.currency())
                    : TaxCountry.of(row.getCountry()).orElse(TaxCountry.NONE);
            if (number != null && country.qualifiedInvoice() && !TaxCountry.isJapaneseRegistrationNumber(number)) {
                throw new IllegalArgumentException("a Japanese invoice registration number is T and 13 digits"
                        + " (T1234567890123)");
            }
            if (number != null && number.length() > 32) {
                throw new IllegalArgumentException("registrationNumber has at most 32 characters");
            }
            ctx.deleteFrom(EVENT_TAX).where(EVENT_TAX.EVENT_ID.eq(eventId)).execute();
            ctx.insertInto(EVENT_TAX).set(EVENT_TAX.EVENT_ID, eventId).set(EVENT_TAX.COUNTRY, country.name())
                    .set(EVENT_TAX.ISSUER_NAME, issuer).set(EVENT_TAX.REGISTRATION_NUMBER, number)
                    .set(EVENT_TAX.UPDATED_AT, now).execute();
            if (req.country() != null && (row == null || !row.getCountry().equals(country.name()))) {
                // a new country starts every category from its standard rate, unless set below
                ctx.deleteFrom(EVENT_TAX_RATE).where(EVENT_TAX_RATE.EVENT_ID.eq(eventId)).execute();
            }
            for (CategoryRate rate : rates) {
                ctx.deleteFrom(EVENT_TAX_RATE).where(EVENT_TAX_RATE.EVENT_ID.eq(eventId),
                        EVENT_TAX_RATE.CATEGORY_ID.eq(rate.categoryId())).execute();
                ctx.insertInto(EVENT_TAX_RATE).set(EVENT_TAX_RATE.EVENT_ID, eventId)
                        .set(EVENT_TAX_RATE.CATEGORY_ID, rate.categoryId())
                        .set(EVENT_TAX_RATE.RATE_BP, rate.rateBasisPoints()).execute();
            }
            return tax(ctx, event);
        });
    }
}
