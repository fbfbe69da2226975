package dev.tessera.reports.occupancy;

import static dev.tessera.center.db.schema.Tables.GA_INVENTORY;
import static dev.tessera.center.db.schema.Tables.SEAT_STATE;
import static dev.tessera.center.db.schema.Tables.TICKET;

import dev.tessera.core.seatmap.Section;
import dev.tessera.reports.ReportOptions;
import dev.tessera.reports.data.EventCatalog;
import dev.tessera.reports.data.EventInfo;
import dev.tessera.reports.engine.Filler;
import dev.tessera.reports.engine.RowSource;
import dev.tessera.reports.engine.Stamps;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.sf.jasperreports.engine.JasperPrint;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * An event's seats by section and category: sold, held, blocked, free, and used at the gate; then each standing area
 * (issue 18) as one line: its capacity, places sold, held, allocated to offline counters (blocked) and free.
 */
public final class EventOccupancyReport {
    public static final String TEMPLATE = "event-occupancy";

    private static final Map<String, Function<? super OccupancyRow, ?>> FIELDS = Map.of(
            "section", OccupancyRow::section,
            "category", OccupancyRow::category,
            "seats", OccupancyRow::seats,
            "sold", OccupancyRow::sold,
            "held", OccupancyRow::held,
            "blocked", OccupancyRow::blocked,
            "free", OccupancyRow::free,
            "usedAtGate", OccupancyRow::usedAtGate,
            "soldShare", OccupancyRow::soldShare);

    private EventOccupancyReport() {}

    public static JasperPrint fill(DSLContext dsl, long eventId, ReportOptions options) {
        EventInfo event = new EventCatalog(dsl).event(eventId);
        return fill(event, rows(dsl, event), options);
    }

    public static JasperPrint fill(EventInfo event, List<OccupancyRow> rows, ReportOptions options) {
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(options.locale());
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("EVENT_NAME", event.name());
        parameters.put("VENUE", event.venueName() + " · " + event.venueAddress());
        parameters.put("DOORS_OPEN", when.format(event.doorsOpen().atZone(options.zone())));
        parameters.put("STARTS_AT", when.format(event.startsAt().atZone(options.zone())));
        parameters.put("GENERATED_AT", Stamps.generatedAt(options));
        return Filler.fill(TEMPLATE, parameters, RowSource.of(rows, FIELDS), options);
    }

    /** Counts seat states and gate use per (section, category), in seat-map order. */
    public static List<OccupancyRow> rows(DSLContext dsl, EventInfo event) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Section section : event.seatMap().sections()) {
            section.rows().stream().flatMap(r -> r.seats().stream()).map(s -> s.categoryId()).distinct()
                    .forEach(c -> counts.put(section.id() + "\u0000" + c, new int[6]));
        }
        dsl.select(SEAT_STATE.SECTION_ID, SEAT_STATE.CATEGORY_ID, SEAT_STATE.STATUS, DSL.count())
                .from(SEAT_STATE).where(SEAT_STATE.EVENT_ID.eq(event.id()))
                .groupBy(SEAT_STATE.SECTION_ID, SEAT_STATE.CATEGORY_ID, SEAT_STATE.STATUS)
                .forEach(r -> {
                    int[] c = counts.computeIfAbsent(r.value1() + "\u0000" + r.value2(), k -> new int[6]);
                    c[0] += r.value4();
                    switch (r.value3()) {
                        case "SOLD" -> c[1] += r.value4();
                        case "HELD" -> c[2] += r.value4();
                        case "BLOCKED" -> c[3] += r.value4();
                        default -> c[4] += r.value4();
                    }
                });
        dsl.select(SEAT_STATE.SECTION_ID, SEAT_STATE.CATEGORY_ID, DSL.count())
                .from(TICKET).join(SEAT_STATE).on(SEAT_STATE.EVENT_ID.eq(TICKET.EVENT_ID), SEAT_STATE.SEAT_ID.eq(TICKET.SEAT_ID))
                .where(TICKET.EVENT_ID.eq(event.id()), TICKET.STATUS.eq("USED"))
                .groupBy(SEAT_STATE.SECTION_ID, SEAT_STATE.CATEGORY_ID)
                .forEach(r -> counts.computeIfAbsent(r.value1() + "\u0000" + r.value2(), k -> new int[6])[5] += r.value3());
        Map<String, String> sectionNames = new HashMap<>();
        event.seatMap().sections().forEach(s -> sectionNames.put(s.id(), s.name()));
        List<OccupancyRow> rows = new ArrayList<>();
        counts.forEach((key, c) -> {
            String[] parts = key.split("\u0000");
            if (c[0] > 0) {
                rows.add(new OccupancyRow(sectionNames.getOrDefault(parts[0], parts[0]), event.categoryName(parts[1]),
                        c[0], c[1], c[2], c[3], c[4], c[5]));
            }
        });
        Map<String, Integer> admitted = new HashMap<>();
        dsl.select(TICKET.SEAT_ID, DSL.count()).from(TICKET)
                .where(TICKET.EVENT_ID.eq(event.id()), TICKET.GENERAL_ADMISSION.isTrue(), TICKET.STATUS.eq("USED"))
                .groupBy(TICKET.SEAT_ID).forEach(r -> admitted.put(r.value1(), r.value2()));
        List<AreaPlaces> areas = dsl.selectFrom(GA_INVENTORY).where(GA_INVENTORY.EVENT_ID.eq(event.id()))
                .fetch(a -> new AreaPlaces(a.getAreaId(), a.getCapacity(), a.getHeld(), a.getSold(), a.getAllocated(),
                        admitted.getOrDefault(a.getAreaId(), 0)));
        rows.addAll(AreaPlaces.rows(event, areas));
        return rows;
    }
}
