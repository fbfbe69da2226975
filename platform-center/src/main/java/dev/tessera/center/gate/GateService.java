package dev.tessera.center.gate;

import static dev.tessera.center.db.schema.Sequences.SEAT_REVISION_SEQ;
import static dev.tessera.center.db.schema.Tables.EVENT;
import static dev.tessera.center.db.schema.Tables.GA_ALLOCATION;
import static dev.tessera.center.db.schema.Tables.GA_INVENTORY;
import static dev.tessera.center.db.schema.Tables.GATE_SCAN;
import static dev.tessera.center.db.schema.Tables.REVOCATION;
import static dev.tessera.center.db.schema.Tables.SEAT_STATE;
import static dev.tessera.center.db.schema.Tables.TICKET;

import dev.tessera.center.db.Database;
import dev.tessera.center.db.schema.tables.records.TicketRecord;
import dev.tessera.center.problem.DomainException;
import dev.tessera.center.keys.TrustedKeys;
import dev.tessera.core.ticket.PaperCode;
import dev.tessera.core.ticket.SignedTicket;
import dev.tessera.core.ticket.Ticket;
import dev.tessera.core.ticket.TicketCodec;
import dev.tessera.core.format.TicketFormatException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jooq.impl.DSL;
import dev.tessera.contract.gate.Verdict;
import dev.tessera.contract.gate.DoorState;
import dev.tessera.contract.gate.Scan;
import dev.tessera.contract.gate.ScanResult;
import dev.tessera.contract.gate.GateCount;
import dev.tessera.contract.gate.RevocationView;

/** Claim 67 b-c: the venue's reader verifies a ticket, refuses revoked versions and admits it once. */
public final class GateService {
    private final Database db;
    private final TrustedKeys keys;
    private final Clock clock;

    public GateService(Database db, TrustedKeys keys, Clock clock) {
        this.db = db;
        this.keys = keys;
        this.clock = clock;
    }

    public ScanResult scan(long scannerId, Scan scan) {
        if (scan.gateId() == null || scan.gateId().isBlank() || scan.ticket() == null) {
            throw DomainException.invalid("a scan needs eventId, gateId and the ticket");
        }
        if (scan.gateId().length() > 64) {
            throw DomainException.invalid("gateId has at most 64 characters");
        }
        if (!db.dsl().fetchExists(EVENT, EVENT.ID.eq(scan.eventId()))) {
            throw DomainException.notFound("no event " + scan.eventId());
        }
        byte[] bytes;
        try {
            bytes = PaperCode.decode(scan.ticket());
        } catch (IllegalArgumentException e) {
            return new ScanResult(Verdict.MALFORMED, false, "the ticket is neither a paper code nor base64: "
                    + e.getMessage(), null, null, null, null, null, List.of());
        }
        SignedTicket signed;
        try {
            signed = TicketCodec.decodeAndVerify(bytes, keys);
        } catch (TicketFormatException e) {
            Verdict verdict = switch (e.reason()) {
                case BAD_SIGNATURE, UNKNOWN_ISSUER -> Verdict.FORGED;
                default -> Verdict.MALFORMED;
            };
            return new ScanResult(verdict, false, e.getMessage(), null, null, null, null, null, List.of());
        }
        Ticket ticket = signed.ticket();
        OffsetDateTime at = scanTime(scan);
        if (scan.scannedAt() != null) {
            var reported = db.dsl().select(GATE_SCAN.RESULT).from(GATE_SCAN).where(GATE_SCAN.SCANNER_ID.eq(scannerId),
                    GATE_SCAN.TICKET_ID.eq(ticket.ticketId().toString()), GATE_SCAN.VERSION.eq(ticket.version()),
                    GATE_SCAN.GATE_ID.eq(scan.gateId()), GATE_SCAN.SCANNED_AT.eq(at)).fetchOptional(GATE_SCAN.RESULT);
            if (reported.isPresent()) {
                return answered(Verdict.valueOf(reported.get()), ticket);
            }
        }
        ScanResult result = judge(signed, scan, at.toInstant());
        db.txRun(ctx -> ctx.insertInto(GATE_SCAN)
                .set(GATE_SCAN.EVENT_ID, ticket.eventId() == scan.eventId() ? ticket.eventId() : scan.eventId())
                .set(GATE_SCAN.TICKET_ID, ticket.ticketId().toString())
                .set(GATE_SCAN.VERSION, ticket.version())
                .set(GATE_SCAN.GATE_ID, scan.gateId())
                .set(GATE_SCAN.SCANNER_ID, scannerId)
                .set(GATE_SCAN.RESULT, result.verdict().name())
                .set(GATE_SCAN.SCANNED_AT, at)
                .execute());
        return result;
    }

    /**
     * Issue 18: a live scan of a standing ticket while its area is marked full. A gate that admitted the holder offline
     * reports what happened: the door was open to it then.
     */
    private boolean areaFullAtTheDoor(Ticket ticket, Scan scan) {
        return ticket.generalAdmission() && scan.scannedAt() == null
                && db.dsl().fetchExists(GA_INVENTORY, GA_INVENTORY.EVENT_ID.eq(ticket.eventId()),
                        GA_INVENTORY.AREA_ID.eq(ticket.seatId()), GA_INVENTORY.DOOR_FULL.isTrue());
    }

    private static ScanResult areaFull(Ticket ticket) {
        return refuse(Verdict.AREA_FULL, "standing area " + ticket.seatId()
                + " is full inside: admit nobody to it until the gate staff open it again", ticket);
    }

    /** Issue 18: marks a standing area full at the door, or opens it again. */
    public void setDoorFull(long eventId, String areaId, DoorState state) {
        if (state == null || state.full() == null) {
            throw DomainException.invalid("say whether the area is full (full: true or false)");
        }
        int updated = db.tx(ctx -> ctx.update(GA_INVENTORY).set(GA_INVENTORY.DOOR_FULL, state.full())
                .set(GA_INVENTORY.REVISION, SEAT_REVISION_SEQ.nextval())
                .where(GA_INVENTORY.EVENT_ID.eq(eventId), GA_INVENTORY.AREA_ID.eq(areaId)).execute());
        if (updated == 0) {
            throw DomainException.notFound("event " + eventId + " has no standing area " + areaId);
        }
    }

    /** Now, or an offline gate's time of admission (truncated as the database keeps it, never in the future). */
    private OffsetDateTime scanTime(Scan scan) {
        Instant now = clock.instant();
        Instant at = scan.scannedAt() == null || scan.scannedAt().isAfter(now) ? now
                : scan.scannedAt().truncatedTo(ChronoUnit.MICROS);
        return OffsetDateTime.ofInstant(at, clock.getZone());
    }

    private ScanResult judge(SignedTicket signed, Scan scan, Instant now) {
        Ticket ticket = signed.ticket();
        String id = ticket.ticketId().toString();
        if (ticket.eventId() != scan.eventId()) {
            return refuse(Verdict.WRONG_EVENT, "this ticket is for another event (" + ticket.eventId() + ")", ticket);
        }
        if (!ticket.gateId().isEmpty() && !ticket.gateId().equals(scan.gateId())) {
            return refuse(Verdict.WRONG_GATE, "please use entrance " + ticket.gateId(), ticket);
        }
        if (now.isBefore(ticket.validFrom())) {
            return refuse(Verdict.TOO_EARLY, "doors open at " + ticket.validFrom(), ticket);
        }
        if (now.isAfter(ticket.validUntil())) {
            return refuse(Verdict.EXPIRED, "the ticket expired at " + ticket.validUntil(), ticket);
        }
        if (db.dsl().fetchExists(REVOCATION, REVOCATION.TICKET_ID.eq(id), REVOCATION.VERSION.eq(ticket.version()))) {
            return refuse(Verdict.REVOKED, "this copy was transferred or revoked", ticket);
        }
        if (!ticket.holderChipId().isEmpty() && !ticket.holderChipId().equals(scan.chipId())) {
            return refuse(Verdict.WRONG_CHIP, "the ticket belongs to another chip (copied ticket)", ticket);
        }
        TicketRecord current = db.dsl().selectFrom(TICKET).where(TICKET.ID.eq(id)).fetchOne();
        if (current == null && !keys.isCenterKey(signed.issuerKeyId())) {
            return unsyncedOfflineTicket(signed, id, scan);
        }
        if (current == null || current.getVersion() != ticket.version()) {
            return refuse(Verdict.REVOKED, "this copy is no longer the current ticket", ticket);
        }
        if ("VOID".equals(current.getStatus())) {
            return refuse(Verdict.VOIDED, "the ticket was voided", ticket);
        }
        if (areaFullAtTheDoor(ticket, scan)) {
            return areaFull(ticket);
        }
        int admitted = db.tx(ctx -> ctx.update(TICKET).set(TICKET.STATUS, "USED")
                .where(TICKET.ID.eq(id), TICKET.VERSION.eq(ticket.version()), TICKET.STATUS.eq("VALID")).execute());
        if (admitted == 0) {
            return alreadyUsed(ticket);
        }
        return admit(ticket);
    }

    /**
     * Flow 3: a ticket a terminal sold offline, before its journal reached the center. It enters once
     * if the terminal's seller holds the seat in its allocation; the later sync records it as used.
     */
    private ScanResult unsyncedOfflineTicket(SignedTicket signed, String id, Scan scan) {
        Ticket ticket = signed.ticket();
        var terminal = keys.terminal(signed.issuerKeyId()).orElseThrow();
        boolean allocated = ticket.generalAdmission()
                ? db.dsl().fetchExists(GA_ALLOCATION, GA_ALLOCATION.EVENT_ID.eq(ticket.eventId()),
                        GA_ALLOCATION.AREA_ID.eq(ticket.seatId()), GA_ALLOCATION.SELLER_ID.eq(terminal.sellerId()),
                        GA_ALLOCATION.QUANTITY.gt(0))
                : db.dsl().fetchExists(SEAT_STATE, SEAT_STATE.SEAT_ID.eq(ticket.seatId()),
                SEAT_STATE.EVENT_ID.eq(ticket.eventId()), SEAT_STATE.ALLOCATED_TO.eq(terminal.sellerId())
                        .or(SEAT_STATE.ALLOCATED_TO.isNull().and(SEAT_STATE.STATUS.eq("FREE"))
                                .and(SEAT_STATE.RELEASED_FROM.eq(terminal.sellerId()))));
        if (!allocated) {
            return refuse(Verdict.FORGED, "the selling terminal may not sell this seat", ticket);
        }
        if (db.dsl().fetchExists(GATE_SCAN, GATE_SCAN.TICKET_ID.eq(id), GATE_SCAN.RESULT.eq(Verdict.ADMITTED.name()))) {
            return alreadyUsed(ticket);
        }
        if (areaFullAtTheDoor(ticket, scan)) {
            return areaFull(ticket);
        }
        return admit(ticket);
    }

    private static ScanResult admit(Ticket ticket) {
        return new ScanResult(Verdict.ADMITTED, true, (ticket.generalAdmission() ? "welcome: standing area "
                : "welcome: seat ") + ticket.seatId(), ticket.ticketId().toString(),
                ticket.version(), ticket.seatId(), null, null, ticket.attendees());
    }

    /** Claim 67: the gate staff learn where and when the ticket went in, e.g. a copy used at two offline gates. */
    private ScanResult alreadyUsed(Ticket ticket) {
        var first = db.dsl().select(GATE_SCAN.GATE_ID, GATE_SCAN.SCANNED_AT).from(GATE_SCAN)
                .where(GATE_SCAN.TICKET_ID.eq(ticket.ticketId().toString()), GATE_SCAN.RESULT.eq(Verdict.ADMITTED.name()))
                .orderBy(GATE_SCAN.SCANNED_AT, GATE_SCAN.ID).limit(1).fetchOne();
        String where = first == null ? "" : " at gate " + first.value1() + ", " + first.value2();
        return new ScanResult(Verdict.ALREADY_USED, false, "the ticket was already used" + where,
                ticket.ticketId().toString(), ticket.version(), ticket.seatId(),
                first == null ? null : first.value1(), first == null ? null : first.value2(), List.of());
    }

    /** The answer to a report the center already holds: the same verdict, nothing recorded twice. */
    private ScanResult answered(Verdict verdict, Ticket ticket) {
        return switch (verdict) {
            case ADMITTED -> admit(ticket);
            case ALREADY_USED -> alreadyUsed(ticket);
            default -> refuse(verdict, "reported before: " + verdict.name().toLowerCase(java.util.Locale.ROOT), ticket);
        };
    }

    private static ScanResult refuse(Verdict verdict, String reason, Ticket ticket) {
        return new ScanResult(verdict, false, reason, ticket.ticketId().toString(), ticket.version(), ticket.seatId(),
                null, null, List.of());
    }

    /** Admitted and refused scans per gate of the event, as the gates reported them. */
    public List<GateCount> counts(long eventId) {
        if (!db.dsl().fetchExists(EVENT, EVENT.ID.eq(eventId))) {
            throw DomainException.notFound("no event " + eventId);
        }
        var admitted = DSL.count().filterWhere(GATE_SCAN.RESULT.eq(Verdict.ADMITTED.name()));
        var refused = DSL.count().filterWhere(GATE_SCAN.RESULT.ne(Verdict.ADMITTED.name()));
        return db.dsl().select(GATE_SCAN.GATE_ID, admitted, refused).from(GATE_SCAN)
                .where(GATE_SCAN.EVENT_ID.eq(eventId)).groupBy(GATE_SCAN.GATE_ID).orderBy(GATE_SCAN.GATE_ID)
                .fetch(r -> new GateCount(r.value1(), r.value2(), r.value3()));
    }

    public List<RevocationView> revocations(long eventId, long afterId) {
        return db.dsl().selectFrom(REVOCATION).where(REVOCATION.EVENT_ID.eq(eventId), REVOCATION.ID.gt(afterId))
                .orderBy(REVOCATION.ID).limit(10_000)
                .fetch(r -> new RevocationView(r.getId(), r.getTicketId(), r.getVersion(), r.getReason(), r.getRevokedAt()));
    }
}
