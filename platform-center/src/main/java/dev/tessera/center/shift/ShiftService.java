package dev.tessera.center.shift;

import static dev.tessera.center.db.schema.Tables.ACCOUNT;
import static dev.tessera.center.db.schema.Tables.COUNTER_SHIFT;
import static dev.tessera.center.db.schema.Tables.SALE;
import static dev.tessera.center.db.schema.Tables.SHIFT_CASH_COUNT;
import static dev.tessera.center.db.schema.Tables.TERMINAL;
import static dev.tessera.center.db.schema.Tables.TERMINAL_JOURNAL;
import static dev.tessera.center.db.schema.Tables.TICKET;
import static dev.tessera.center.db.schema.Tables.TICKET_VOID;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tessera.center.account.Principal;
import dev.tessera.center.db.Database;
import dev.tessera.center.db.RenderedStatement;
import dev.tessera.center.db.schema.tables.records.CounterShiftRecord;
import dev.tessera.center.problem.DomainException;
import dev.tessera.contract.saleslog.TaxTotal;
import dev.tessera.core.model.Role;
import dev.tessera.core.tax.TaxBreakdown;
import dev.tessera.core.tax.TaxRate;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import dev.tessera.contract.shift.Count;
import dev.tessera.contract.shift.OpenShift;
import dev.tessera.contract.shift.CloseShift;
import dev.tessera.contract.shift.ShiftTotals;
import dev.tessera.contract.shift.ShiftStatus;
import dev.tessera.contract.shift.Shift;
import dev.tessera.contract.shift.CurrencyDenominations;

/**
 * Counter shifts (issue 5): a seller opens a shift at a terminal with a counted float; sales,
 * refunds and voids are attributed to it while it is open; the close stores the cash counted against
 * the cash expected (float + cash sales - cash refunds) and the shift is never changed again.
 */
public final class ShiftService {
    public static final String OPENED = "SHIFT_OPENED";
    public static final String CLOSED = "SHIFT_CLOSED";
    private static final int MAX_QUANTITY = 100_000;
    /** Rendered once: it runs in every sale (issue 13). A seller has at most one open shift (unique index). */
    private static final RenderedStatement OPEN_SHIFT = new RenderedStatement(ctx -> ctx.select(COUNTER_SHIFT.ID)
            .from(COUNTER_SHIFT).where(COUNTER_SHIFT.OPEN_SELLER_ID.eq(DSL.param("sellerId", Long.class))).forUpdate());
    /** Reads a journal entry as strictly as the API reads a body: one value, each key once. */
    private static final ObjectMapper JOURNAL_READER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final Database db;
    private final Clock clock;

    public record Filter(Long sellerId, Instant from, Instant to, String status) {}

    public ShiftService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public static CurrencyDenominations denominations(String currency) {
        String code = currency(currency);
        return new CurrencyDenominations(code, Denominations.fractionDigits(code), Denominations.of(code));
    }

    public Shift open(Principal seller, OpenShift req) {
        if (req.terminalId() == null || !req.terminalId().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw DomainException.invalid("terminalId has 1 to 64 letters, digits or . _ -");
        }
        String currency = currency(req.currency());
        List<Count> counted = checkedCount(req.floatCount(), currency, "floatCount");
        long floatMinor = sum(counted);
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = db.tx(ctx -> {
            Long owner = ctx.select(TERMINAL.SELLER_ID).from(TERMINAL).where(TERMINAL.TERMINAL_ID.eq(req.terminalId()))
                    .fetchOne(TERMINAL.SELLER_ID);
            if (owner != null && owner != seller.accountId()) {
                throw DomainException.conflict("terminal-of-another-seller", "terminal " + req.terminalId()
                        + " is registered to another seller");
            }
            CounterShiftRecord open = ctx.selectFrom(COUNTER_SHIFT).where(COUNTER_SHIFT.OPEN_SELLER_ID.eq(seller.accountId())
                    .or(COUNTER_SHIFT.OPEN_TERMINAL_ID.eq(req.terminalId()))).fetchAny();
            if (open != null) {
                throw DomainException.conflict("shift-open", "shift " + open.getId() + " at terminal " + open.getTerminalId()
                        + " has been open since " + open.getOpenedAt().toInstant() + "; close it before opening another");
            }
            long shiftId = ctx.insertInto(COUNTER_SHIFT)
                    .set(COUNTER_SHIFT.SELLER_ID, seller.accountId())
                    .set(COUNTER_SHIFT.TERMINAL_ID, req.terminalId())
                    .set(COUNTER_SHIFT.CURRENCY, currency)
                    .set(COUNTER_SHIFT.STATUS, "OPEN")
                    .set(COUNTER_SHIFT.OPENED_AT, now)
                    .set(COUNTER_SHIFT.FLOAT_MINOR, floatMinor)
                    .set(COUNTER_SHIFT.OPEN_SELLER_ID, seller.accountId())
                    .set(COUNTER_SHIFT.OPEN_TERMINAL_ID, req.terminalId())
                    .returningResult(COUNTER_SHIFT.ID).fetchOne(COUNTER_SHIFT.ID);
            insertCount(ctx, shiftId, "OPEN", counted);
            return shiftId;
        });
        return find(id);
    }

    /**
     * Closes the shift with the cash counted. A count that differs from the expected cash needs a
     * note; a closed shift is immutable, so a second close is a conflict.
     */
    public Shift close(Principal seller, long shiftId, CloseShift req) {
        String note = req.note() == null || req.note().isBlank() ? null : req.note().trim();
        if (note != null && note.length() > 400) {
            throw DomainException.invalid("the note has at most 400 characters");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        db.tx(ctx -> {
            // the lock makes a sale being recorded for this shift finish first, so the totals are final
            CounterShiftRecord shift = ctx.selectFrom(COUNTER_SHIFT).where(COUNTER_SHIFT.ID.eq(shiftId)).forUpdate().fetchOne();
            if (shift == null || shift.getSellerId() != seller.accountId()) {
                throw DomainException.notFound("no shift " + shiftId + " of this seller");
            }
            if ("CLOSED".equals(shift.getStatus())) {
                throw DomainException.conflict("shift-closed", "shift " + shiftId + " was closed at "
                        + shift.getClosedAt().toInstant() + "; a closed shift cannot be changed");
            }
            List<Count> counted = checkedCount(req.counted(), shift.getCurrency(), "counted");
            long countedMinor = sum(counted);
            long expected = totals(ctx, List.of(shift)).get(shiftId).expectedCashMinor();
            if (countedMinor != expected && note == null) {
                throw DomainException.invalid("the count of " + countedMinor + " differs from the expected "
                        + expected + " by " + (countedMinor - expected) + "; add a note that explains it");
            }
            insertCount(ctx, shiftId, "CLOSE", counted);
            ctx.update(COUNTER_SHIFT)
                    .set(COUNTER_SHIFT.STATUS, "CLOSED")
                    .set(COUNTER_SHIFT.CLOSED_AT, now)
                    .set(COUNTER_SHIFT.EXPECTED_CASH_MINOR, expected)
                    .set(COUNTER_SHIFT.COUNTED_CASH_MINOR, countedMinor)
                    .set(COUNTER_SHIFT.CLOSE_NOTE, note)
                    .setNull(COUNTER_SHIFT.OPEN_SELLER_ID)
                    .setNull(COUNTER_SHIFT.OPEN_TERMINAL_ID)
                    .where(COUNTER_SHIFT.ID.eq(shiftId))
                    .execute();
            return null;
        });
        return find(shiftId);
    }

    /** One shift with its counts and totals; a seller sees only its own shifts. */
    public Shift shift(Principal by, long shiftId) {
        Shift shift = find(shiftId);
        if (by.role() == Role.SELLER && shift.sellerId() != by.accountId()) {
            throw DomainException.notFound("no shift " + shiftId + " of this seller");
        }
        return shift;
    }

    private Shift find(long shiftId) {
        List<Shift> found = load(db.dsl(), COUNTER_SHIFT.ID.eq(shiftId));
        if (found.isEmpty()) {
            throw DomainException.notFound("no shift " + shiftId);
        }
        return found.getFirst();
    }

    /** Shifts opened in [from, to), newest first, of one seller or all. */
    public List<Shift> list(Filter filter) {
        List<Condition> where = new ArrayList<>();
        if (filter.sellerId() != null) {
            where.add(COUNTER_SHIFT.SELLER_ID.eq(filter.sellerId()));
        }
        if (filter.from() != null) {
            where.add(COUNTER_SHIFT.OPENED_AT.ge(filter.from().atOffset(ZoneOffset.UTC)));
        }
        if (filter.to() != null) {
            where.add(COUNTER_SHIFT.OPENED_AT.lt(filter.to().atOffset(ZoneOffset.UTC)));
        }
        if (filter.status() != null) {
            if (!Set.of("OPEN", "CLOSED").contains(filter.status())) {
                throw DomainException.invalid("status must be OPEN or CLOSED");
            }
            where.add(COUNTER_SHIFT.STATUS.eq(filter.status()));
        }
        return load(db.dsl(), DSL.and(where));
    }

    /**
     * The seller's open shift, if any, locked for the caller's transaction: a sale or refund recorded
     * for it commits before the shift's close reads the totals.
     */
    public static Long openShiftOf(DSLContext ctx, long sellerId) {
        List<Long> open = OPEN_SHIFT.fetch(ctx, rs -> rs.getLong(1), sellerId);
        return open.isEmpty() ? null : open.getFirst();
    }

    /** {@link #openShiftOf} read as a step of {@code pipeline}: the shift's id or null, once the pipeline has run. */
    public static java.util.function.Supplier<Long> openShiftIn(dev.tessera.center.db.Pipeline pipeline,
                                                                long sellerId) {
        var open = pipeline.fetch(OPEN_SHIFT, rs -> rs.getLong(1), sellerId);
        return () -> open.rows().isEmpty() ? null : open.rows().getFirst();
    }


    /**
     * The shift a journaled offline sale belongs to: the terminal's last SHIFT entry before it, when
     * that entry opened a shift of this seller at this terminal. The hash chain orders the entries, so
     * the terminal's clock plays no part.
     */
    public static Long shiftOfJournal(DSLContext ctx, long sellerId, String terminalId, long sequence) {
        String payload = ctx.select(TERMINAL_JOURNAL.PAYLOAD).from(TERMINAL_JOURNAL)
                .where(TERMINAL_JOURNAL.TERMINAL_ID.eq(terminalId), TERMINAL_JOURNAL.SEQUENCE.lt(sequence),
                        TERMINAL_JOURNAL.KIND.eq("SHIFT"))
                .orderBy(TERMINAL_JOURNAL.SEQUENCE.desc()).limit(1).fetchOne(TERMINAL_JOURNAL.PAYLOAD);
        if (payload == null) {
            return null;
        }
        JsonNode entry;
        try {
            entry = JOURNAL_READER.readTree(payload);
        } catch (JsonProcessingException e) {
            return null;
        }
        if (!OPENED.equals(entry.path("type").asText()) || !entry.path("shiftId").canConvertToLong()) {
            return null;
        }
        long shiftId = entry.path("shiftId").asLong();
        boolean ours = ctx.fetchExists(COUNTER_SHIFT, COUNTER_SHIFT.ID.eq(shiftId),
                COUNTER_SHIFT.SELLER_ID.eq(sellerId), COUNTER_SHIFT.TERMINAL_ID.eq(terminalId));
        return ours ? shiftId : null;
    }

    private List<Shift> load(DSLContext ctx, Condition where) {
        var rows = ctx.select(COUNTER_SHIFT.fields()).select(ACCOUNT.DISPLAY_NAME).from(COUNTER_SHIFT)
                .join(ACCOUNT).on(ACCOUNT.ID.eq(COUNTER_SHIFT.SELLER_ID))
                .where(where).orderBy(COUNTER_SHIFT.OPENED_AT.desc(), COUNTER_SHIFT.ID.desc()).limit(1_000).fetch();
        List<CounterShiftRecord> shifts = rows.map(r -> r.into(COUNTER_SHIFT));
        if (shifts.isEmpty()) {
            return List.of();
        }
        Set<Long> ids = new HashSet<>(shifts.stream().map(CounterShiftRecord::getId).toList());
        Map<Long, ShiftTotals> totals = totals(ctx, shifts);
        Map<Long, Map<String, List<Count>>> counts = new HashMap<>();
        ctx.selectFrom(SHIFT_CASH_COUNT).where(SHIFT_CASH_COUNT.SHIFT_ID.in(ids))
                .orderBy(SHIFT_CASH_COUNT.DENOMINATION_MINOR.desc())
                .forEach(c -> counts.computeIfAbsent(c.getShiftId(), k -> new HashMap<>())
                        .computeIfAbsent(c.getStage(), k -> new ArrayList<>())
                        .add(new Count(c.getDenominationMinor(), c.getQuantity())));
        return rows.map(r -> {
            CounterShiftRecord s = r.into(COUNTER_SHIFT);
            Map<String, List<Count>> own = counts.getOrDefault(s.getId(), Map.of());
            Long difference = s.getCountedCashMinor() == null ? null : s.getCountedCashMinor() - s.getExpectedCashMinor();
            return new Shift(s.getId(), s.getSellerId(), r.get(ACCOUNT.DISPLAY_NAME), s.getTerminalId(), s.getCurrency(),
                    ShiftStatus.valueOf(s.getStatus()), s.getOpenedAt(), s.getFloatMinor(), own.getOrDefault("OPEN", List.of()),
                    s.getClosedAt(), s.getExpectedCashMinor(), s.getCountedCashMinor(), difference, s.getCloseNote(),
                    own.getOrDefault("CLOSE", List.of()), totals.get(s.getId()));
        });
    }

    /** Sales and refunds attributed to each shift, in the shift's currency. */
    private static Map<Long, ShiftTotals> totals(DSLContext ctx, List<CounterShiftRecord> shifts) {
        Map<Long, long[]> acc = new HashMap<>();
        shifts.forEach(s -> acc.put(s.getId(), new long[10]));
        Set<Long> ids = acc.keySet();
        ctx.select(SALE.SHIFT_ID, SALE.PAYMENT_METHOD, DSL.count(), DSL.sum(SALE.TOTAL_MINOR))
                .from(SALE).join(COUNTER_SHIFT).on(COUNTER_SHIFT.ID.eq(SALE.SHIFT_ID))
                .where(SALE.SHIFT_ID.in(ids), SALE.CURRENCY.eq(COUNTER_SHIFT.CURRENCY))
                .groupBy(SALE.SHIFT_ID, SALE.PAYMENT_METHOD)
                .forEach(r -> {
                    long[] a = acc.get(r.value1());
                    a[0] += r.value3();
                    int slot = switch (r.value2()) {
                        case "CASH" -> 2;
                        case "CARD" -> 3;
                        default -> 4;
                    };
                    a[slot] += r.value4().longValueExact();
                });
        ctx.select(SALE.SHIFT_ID, DSL.count()).from(TICKET).join(SALE).on(SALE.ID.eq(TICKET.SALE_ID))
                .where(SALE.SHIFT_ID.in(ids)).groupBy(SALE.SHIFT_ID)
                .forEach(r -> acc.get(r.value1())[1] += r.value2());
        // a refund leaves the drawer the way it was paid back: the void's refund method, else the sale's
        var method = DSL.coalesce(TICKET_VOID.REFUND_METHOD, SALE.PAYMENT_METHOD);
        ctx.select(TICKET_VOID.SHIFT_ID, method, DSL.count(), DSL.count().filterWhere(TICKET_VOID.REFUND_MINOR.gt(0L)),
                        DSL.sum(TICKET_VOID.REFUND_MINOR))
                .from(TICKET_VOID).join(SALE).on(SALE.ID.eq(TICKET_VOID.SALE_ID))
                .join(COUNTER_SHIFT).on(COUNTER_SHIFT.ID.eq(TICKET_VOID.SHIFT_ID))
                .where(TICKET_VOID.SHIFT_ID.in(ids), SALE.CURRENCY.eq(COUNTER_SHIFT.CURRENCY))
                .groupBy(TICKET_VOID.SHIFT_ID, method)
                .forEach(r -> {
                    long[] a = acc.get(r.value1());
                    a[5] += r.value3();
                    a[6] += r.value4();
                    long amount = r.value5().longValueExact();
                    if ("CASH".equals(r.value2())) {
                        a[7] += amount;
                    } else {
                        a[8] += amount;
                    }
                });
        Map<Long, List<TaxTotal>> byRate = byRate(ctx, ids);
        Map<Long, ShiftTotals> totals = new HashMap<>();
        for (CounterShiftRecord s : shifts) {
            long[] a = acc.get(s.getId());
            totals.put(s.getId(), new ShiftTotals((int) a[0], (int) a[1], a[2], a[3], a[4], (int) a[5], (int) a[6], a[7], a[8],
                    s.getFloatMinor() + a[2] - a[7], byRate.getOrDefault(s.getId(), List.of())));
        }
        return totals;
    }

    /**
     * Issue 17: each shift's money per tax rate, by the rule of the sales log (docs/tax.md): a receipt's tax is taken
     * once per rate from the sum of its lines at that rate; each refund paid in the shift is a credit note whose tax
     * is taken once from it, at the rate its ticket was sold at. Highest rate first.
     */
    private static Map<Long, List<TaxTotal>> byRate(DSLContext ctx, Set<Long> ids) {
        // shift → rate → {tickets, sales, refunds, tax}
        Map<Long, Map<Integer, long[]>> sums = new HashMap<>();
        Map<Long, String> currencies = new HashMap<>();
        ctx.select(SALE.SHIFT_ID, SALE.ID, TICKET.TAX_RATE_BP, DSL.count(), DSL.sum(TICKET.PRICE_MINOR),
                        COUNTER_SHIFT.CURRENCY)
                .from(TICKET).join(SALE).on(SALE.ID.eq(TICKET.SALE_ID))
                .join(COUNTER_SHIFT).on(COUNTER_SHIFT.ID.eq(SALE.SHIFT_ID))
                .where(SALE.SHIFT_ID.in(ids), SALE.CURRENCY.eq(COUNTER_SHIFT.CURRENCY))
                .groupBy(SALE.SHIFT_ID, SALE.ID, TICKET.TAX_RATE_BP, COUNTER_SHIFT.CURRENCY)
                .forEach(r -> {
                    currencies.put(r.value1(), r.value6());
                    long[] sum = sums.computeIfAbsent(r.value1(), k -> new TreeMap<>())
                            .computeIfAbsent(r.value3(), k -> new long[4]);
                    long gross = r.value5().longValueExact();
                    sum[0] += r.value4();
                    sum[1] += gross;
                    sum[3] += TaxBreakdown.taxIn(gross, new TaxRate(r.value3()));
                });
        ctx.select(TICKET_VOID.SHIFT_ID, TICKET.TAX_RATE_BP, TICKET_VOID.REFUND_MINOR, COUNTER_SHIFT.CURRENCY)
                .from(TICKET_VOID).join(TICKET).on(TICKET.ID.eq(TICKET_VOID.TICKET_ID))
                .join(SALE).on(SALE.ID.eq(TICKET_VOID.SALE_ID))
                .join(COUNTER_SHIFT).on(COUNTER_SHIFT.ID.eq(TICKET_VOID.SHIFT_ID))
                .where(TICKET_VOID.SHIFT_ID.in(ids), SALE.CURRENCY.eq(COUNTER_SHIFT.CURRENCY),
                        TICKET_VOID.REFUND_MINOR.gt(0L))
                .forEach(r -> {
                    currencies.put(r.value1(), r.value4());
                    long[] sum = sums.computeIfAbsent(r.value1(), k -> new TreeMap<>())
                            .computeIfAbsent(r.value2(), k -> new long[4]);
                    sum[2] += r.value3();
                    sum[3] -= TaxBreakdown.taxIn(r.value3(), new TaxRate(r.value2()));
                });
        Map<Long, List<TaxTotal>> byRate = new HashMap<>();
        sums.forEach((shiftId, rates) -> byRate.put(shiftId, rates.entrySet().stream()
                .sorted(Map.Entry.<Integer, long[]>comparingByKey().reversed())
                .map(e -> {
                    long[] v = e.getValue();
                    long gross = v[1] - v[2];
                    return new TaxTotal(currencies.get(shiftId), e.getKey(), (int) v[0], v[1], v[2], gross, v[3],
                            gross - v[3]);
                }).toList()));
        return byRate;
    }

    private static List<Count> checkedCount(List<Count> count, String currency, String name) {
        if (count == null) {
            throw DomainException.invalid(name + " is required: the notes and coins counted, by denomination");
        }
        List<Long> legal = Denominations.of(currency);
        Set<Long> seen = new HashSet<>();
        List<Count> kept = new ArrayList<>();
        for (Count c : count) {
            if (c == null || !legal.contains(c.denominationMinor())) {
                throw DomainException.invalid(name + ": " + (c == null ? "an empty entry" : c.denominationMinor()
                        + " is not a denomination of " + currency) + "; the denominations are " + legal);
            }
            if (c.quantity() < 0 || c.quantity() > MAX_QUANTITY) {
                throw DomainException.invalid(name + ": the quantity of " + c.denominationMinor() + " must be 0 to "
                        + MAX_QUANTITY);
            }
            if (!seen.add(c.denominationMinor())) {
                throw DomainException.invalid(name + ": " + c.denominationMinor() + " is counted twice");
            }
            if (c.quantity() > 0) {
                kept.add(c);
            }
        }
        return kept;
    }

    private static long sum(List<Count> count) {
        return count.stream().mapToLong(c -> c.denominationMinor() * c.quantity()).sum();
    }

    private static void insertCount(DSLContext ctx, long shiftId, String stage, List<Count> count) {
        for (Count c : count) {
            ctx.insertInto(SHIFT_CASH_COUNT)
                    .set(SHIFT_CASH_COUNT.SHIFT_ID, shiftId).set(SHIFT_CASH_COUNT.STAGE, stage)
                    .set(SHIFT_CASH_COUNT.DENOMINATION_MINOR, c.denominationMinor())
                    .set(SHIFT_CASH_COUNT.QUANTITY, c.quantity())
                    .execute();
        }
    }

    private static String currency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw DomainException.invalid("currency must be an ISO 4217 code such as JPY");
        }
        try {
            java.util.Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("currency " + code + " is not an ISO 4217 currency");
        }
        return code;
    }
}
