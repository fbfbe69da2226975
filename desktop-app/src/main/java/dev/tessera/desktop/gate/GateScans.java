package dev.tessera.desktop.gate;

import static dev.tessera.desktop.ledger.schema.Tables.GATE_AREA_DOOR;
import static dev.tessera.desktop.ledger.schema.Tables.GATE_CACHE;
import static dev.tessera.desktop.ledger.schema.Tables.GATE_SCAN;

import dev.tessera.core.format.TicketFormatException;
import dev.tessera.core.ticket.TicketCodec;
import dev.tessera.contract.gate.ScanResult;
import dev.tessera.desktop.ledger.schema.tables.records.GateScanRecord;
import dev.tessera.reader.gate.GateAdmissions;
import dev.tessera.reader.gate.GateDecision;
import dev.tessera.reader.gate.GateLog;
import dev.tessera.reader.gate.Verdict;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * One event's taps and scans in the terminal's ledger (V2__gate.sql). An admission is a committed row before the
 * gate shows green; each admission is reported to the center once and keeps the center's answer.
 */
final class GateScans implements GateAdmissions {
    static final String CHIP = "CHIP";
    static final String PAPER = "PAPER";

    private final DSLContext dsl;
    private final long eventId;

    /** The cached gate package of an event. */
    record Cache(String trust, String event, String seatMap, Instant refreshedAt) {}

    /** Admitted here, per gate, and what the terminal has refused and not yet reported. */
    record Counts(Map<String, Integer> admittedByGate, int refused, int unreported, int duplicates) {}

    GateScans(DSLContext dsl, long eventId) {
        this.dsl = dsl;
        this.eventId = eventId;
    }

    @Override
    public boolean admitted(UUID ticketId) {
        return dsl.fetchExists(GATE_SCAN, GATE_SCAN.EVENT_ID.eq(eventId), GATE_SCAN.TICKET_ID.eq(ticketId.toString()),
                GATE_SCAN.VERDICT.eq(Verdict.ADMITTED.name()));
    }

    /** The admission itself (called by the verifier before it marks the chip); committed when it returns. */
    @Override
    public void append(GateLog.Entry e) {
        String seat = null;
        try {
            seat = TicketCodec.decode(e.signedTicket()).ticket().seatId();
        } catch (TicketFormatException notPossible) {
            // the verifier admits only tickets it decoded and verified; the seat is for display only
        }
        dsl.insertInto(GATE_SCAN)
                .set(GATE_SCAN.EVENT_ID, eventId)
                .set(GATE_SCAN.GATE_ID, e.gateId())
                .set(GATE_SCAN.SCANNED_AT, stored(e.at()))
                .set(GATE_SCAN.MEDIUM, e.chipId() == null ? PAPER : CHIP)
                .set(GATE_SCAN.VERDICT, Verdict.ADMITTED.name())
                .set(GATE_SCAN.TICKET_ID, e.ticketId().toString())
                .set(GATE_SCAN.VERSION, e.version())
                .set(GATE_SCAN.SEAT_ID, seat)
                .set(GATE_SCAN.CHIP_ID, e.chipId())
                .set(GATE_SCAN.DETAIL, "ok")
                .set(GATE_SCAN.SIGNED_TICKET, Base64.getEncoder().encodeToString(e.signedTicket()))
                .execute();
    }

    /** Issue 18: whether the gate staff marked a standing area full at the door. */
    boolean areaFull(String areaId) {
        return dsl.fetchExists(GATE_AREA_DOOR, GATE_AREA_DOOR.EVENT_ID.eq(eventId), GATE_AREA_DOOR.AREA_ID.eq(areaId),
                GATE_AREA_DOOR.DOOR_FULL.isTrue());
    }

    /** Marks a standing area full (kept across a restart), or opens it again; the center is told with the next report. */
    void markAreaFull(String areaId, boolean full, Instant at) {
        int updated = dsl.update(GATE_AREA_DOOR).set(GATE_AREA_DOOR.DOOR_FULL, full).set(GATE_AREA_DOOR.MARKED_AT, stored(at))
                .set(GATE_AREA_DOOR.TOLD, false)
                .where(GATE_AREA_DOOR.EVENT_ID.eq(eventId), GATE_AREA_DOOR.AREA_ID.eq(areaId)).execute();
        if (updated == 0) {
            dsl.insertInto(GATE_AREA_DOOR).set(GATE_AREA_DOOR.EVENT_ID, eventId).set(GATE_AREA_DOOR.AREA_ID, areaId)
                    .set(GATE_AREA_DOOR.DOOR_FULL, full).set(GATE_AREA_DOOR.MARKED_AT, stored(at))
                    .set(GATE_AREA_DOOR.TOLD, false).execute();
        }
    }

    /** Door marks the center has not heard yet: area id to full. */
    Map<String, Boolean> untoldDoors() {
        Map<String, Boolean> out = new LinkedHashMap<>();
        dsl.selectFrom(GATE_AREA_DOOR).where(GATE_AREA_DOOR.EVENT_ID.eq(eventId), GATE_AREA_DOOR.TOLD.isFalse())
                .orderBy(GATE_AREA_DOOR.MARKED_AT).forEach(r -> out.put(r.getAreaId(), r.getDoorFull()));
        return out;
    }

    /** The center heard the mark; a newer mark made meanwhile stays untold. */
    void doorTold(String areaId, boolean full) {
        dsl.update(GATE_AREA_DOOR).set(GATE_AREA_DOOR.TOLD, true)
                .where(GATE_AREA_DOOR.EVENT_ID.eq(eventId), GATE_AREA_DOOR.AREA_ID.eq(areaId),
                        GATE_AREA_DOOR.DOOR_FULL.eq(full))
                .execute();
    }

    /** Admissions at this terminal per seat or standing-area id. */
    Map<String, Integer> admittedPerPlace() {
        Map<String, Integer> out = new LinkedHashMap<>();
        dsl.select(GATE_SCAN.SEAT_ID, DSL.count()).from(GATE_SCAN)
                .where(GATE_SCAN.EVENT_ID.eq(eventId), GATE_SCAN.VERDICT.eq(Verdict.ADMITTED.name()),
                        GATE_SCAN.SEAT_ID.isNotNull())
                .groupBy(GATE_SCAN.SEAT_ID).forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    /** After the admission: whether the chip was marked too. */
    void admissionDetail(UUID ticketId, String detail) {
        dsl.update(GATE_SCAN).set(GATE_SCAN.DETAIL, truncate(detail))
                .where(GATE_SCAN.EVENT_ID.eq(eventId), GATE_SCAN.TICKET_ID.eq(ticketId.toString()),
                        GATE_SCAN.VERDICT.eq(Verdict.ADMITTED.name()))
                .execute();
    }

    /** A refusal, kept for the counts and the list of last scans. */
    ScanRecord refused(String gateId, Instant at, String medium, GateDecision d) {
        GateScanRecord row = dsl.newRecord(GATE_SCAN);
        row.setEventId(eventId);
        row.setGateId(gateId);
        row.setScannedAt(stored(at));
        row.setMedium(medium);
        row.setVerdict(d.verdict().name());
        row.setTicketId(d.ticketId() == null ? null : d.ticketId().toString());
        row.setVersion(d.ticketId() == null ? null : d.version());
        row.setSeatId(d.seatId());
        row.setChipId(d.chipId());
        row.setDetail(truncate(d.detail()));
        row.store();
        return of(row);
    }

    Optional<ScanRecord> admission(UUID ticketId) {
        return dsl.selectFrom(GATE_SCAN).where(GATE_SCAN.EVENT_ID.eq(eventId), GATE_SCAN.TICKET_ID.eq(ticketId.toString()),
                GATE_SCAN.VERDICT.eq(Verdict.ADMITTED.name())).orderBy(GATE_SCAN.ID).limit(1).fetchOptional(GateScans::of);
    }

    /** Admissions the center has not answered yet, oldest first. */
    List<ScanRecord> unreported() {
        return dsl.selectFrom(GATE_SCAN).where(GATE_SCAN.EVENT_ID.eq(eventId), GATE_SCAN.VERDICT.eq(Verdict.ADMITTED.name()),
                GATE_SCAN.REPORTED_VERDICT.isNull()).orderBy(GATE_SCAN.ID).fetch(GateScans::of);
    }

    String signedTicket(long scanId) {
        return dsl.select(GATE_SCAN.SIGNED_TICKET).from(GATE_SCAN).where(GATE_SCAN.ID.eq(scanId)).fetchOne(GATE_SCAN.SIGNED_TICKET);
    }

    ScanRecord reported(long scanId, ScanResult answer) {
        dsl.update(GATE_SCAN)
                .set(GATE_SCAN.REPORTED_VERDICT, answer.verdict().name())
                .set(GATE_SCAN.REPORTED_REASON, truncate(answer.reason()))
                .set(GATE_SCAN.USED_AT_GATE, answer.usedAtGate())
                .set(GATE_SCAN.USED_AT, answer.usedAt())
                .where(GATE_SCAN.ID.eq(scanId))
                .execute();
        return dsl.selectFrom(GATE_SCAN).where(GATE_SCAN.ID.eq(scanId)).fetchOne(GateScans::of);
    }

    List<ScanRecord> recent(int limit) {
        return dsl.selectFrom(GATE_SCAN).where(GATE_SCAN.EVENT_ID.eq(eventId)).orderBy(GATE_SCAN.ID.desc()).limit(limit)
                .fetch(GateScans::of);
    }

    Counts counts() {
        Map<String, Integer> admitted = new LinkedHashMap<>();
        dsl.select(GATE_SCAN.GATE_ID, DSL.count()).from(GATE_SCAN)
                .where(GATE_SCAN.EVENT_ID.eq(eventId), GATE_SCAN.VERDICT.eq(Verdict.ADMITTED.name()))
                .groupBy(GATE_SCAN.GATE_ID).orderBy(GATE_SCAN.GATE_ID)
                .forEach(r -> admitted.put(r.value1(), r.value2()));
        int refused = dsl.fetchCount(GATE_SCAN, GATE_SCAN.EVENT_ID.eq(eventId), GATE_SCAN.VERDICT.ne(Verdict.ADMITTED.name()));
        int unreported = dsl.fetchCount(GATE_SCAN, GATE_SCAN.EVENT_ID.eq(eventId),
                GATE_SCAN.VERDICT.eq(Verdict.ADMITTED.name()), GATE_SCAN.REPORTED_VERDICT.isNull());
        int duplicates = dsl.fetchCount(GATE_SCAN, GATE_SCAN.EVENT_ID.eq(eventId),
                GATE_SCAN.VERDICT.eq(Verdict.ADMITTED.name()), GATE_SCAN.REPORTED_VERDICT.ne(Verdict.ADMITTED.name()));
        return new Counts(admitted, refused, unreported, duplicates);
    }

    void saveCache(String trust, String event, String seatMap, Instant at) {
        OffsetDateTime when = stored(at);
        dsl.mergeInto(GATE_CACHE).using(DSL.selectOne()).on(GATE_CACHE.EVENT_ID.eq(eventId))
                .whenMatchedThenUpdate().set(GATE_CACHE.TRUST, trust).set(GATE_CACHE.EVENT, event)
                .set(GATE_CACHE.SEAT_MAP, seatMap).set(GATE_CACHE.REFRESHED_AT, when)
                .whenNotMatchedThenInsert(GATE_CACHE.EVENT_ID, GATE_CACHE.TRUST, GATE_CACHE.EVENT, GATE_CACHE.SEAT_MAP,
                        GATE_CACHE.REFRESHED_AT)
                .values(eventId, trust, event, seatMap, when)
                .execute();
    }

    Optional<Cache> cache() {
        return dsl.selectFrom(GATE_CACHE).where(GATE_CACHE.EVENT_ID.eq(eventId))
                .fetchOptional(r -> new Cache(r.getTrust(), r.getEvent(), r.getSeatMap(), r.getRefreshedAt().toInstant()));
    }

    /** As the database keeps it (microseconds), so a report's time matches the row the center compares it with. */
    static OffsetDateTime stored(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    private static ScanRecord of(GateScanRecord r) {
        return new ScanRecord(r.getId(), r.getGateId(), r.getScannedAt().toInstant(), r.getMedium(),
                Verdict.valueOf(r.getVerdict()), r.getTicketId(), r.getSeatId(), r.getChipId(), r.getDetail(),
                r.getReportedVerdict(), r.getReportedReason(), r.getUsedAtGate(),
                r.getUsedAt() == null ? null : r.getUsedAt().toInstant());
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
