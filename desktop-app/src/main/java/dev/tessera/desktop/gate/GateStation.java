package dev.tessera.desktop.gate;

import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.core.seatmap.SeatMapFormat;
import dev.tessera.core.seatmap.SeatMapFormatException;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.contract.gate.GateCount;
import dev.tessera.contract.gate.RevocationView;
import dev.tessera.contract.gate.Scan;
import dev.tessera.contract.gate.ScanResult;
import dev.tessera.desktop.ledger.LedgerStore;
import dev.tessera.reader.center.CenterClient.GateChip;
import dev.tessera.reader.gate.GateDecision;
import dev.tessera.reader.gate.GateTrust;
import dev.tessera.reader.gate.GateVerifier;
import dev.tessera.reader.gate.Verdict;
import dev.tessera.reader.wallet.WalletCard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One gate's shift at one event (claim 67 b-c): verifies taps and scans offline from the cached gate package,
 * keeps every answer in the ledger, and, when the center answers, refreshes the package and reports admissions
 * exactly once. Thread safe: scans run one at a time; reporting and refreshing run beside them.
 */
public final class GateStation {
    /** The clocks of gate and box office may differ a little; tickets are valid from doors open. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);
    private static final HexFormat HEX = HexFormat.of();

    private final EventInfo event;
    private final String gateId;
    private final GateScans scans;
    private final Clock clock;
    private final Object scanning = new Object();
    private final Object reporting = new Object();
    private final Object installing = new Object();
    private volatile SeatMap seatMap;
    private volatile GateTrust trust;
    private volatile GateVerifier verifier;
    private volatile Instant refreshedAt;

    /**
     * What a tap or scan showed, with the place of the seat and, for a ticket used before, where and when;
     * {@code attendees}: for an admission, the names the ticket carries (claim 70), read from its own signed bytes,
     * so an offline gate shows them too.
     */
    public record Answer(ScanRecord scan, SeatInfo seat, String usedAtGate, Instant usedAt, List<String> attendees) {
        public Answer {
            attendees = attendees == null ? List.of() : List.copyOf(attendees);
        }
    }

    /** The seat as gate staff tell it to the guest; {@code standing}: section names a standing area (issue 18). */
    public record SeatInfo(String section, String row, String seat, String category, boolean standing) {
        public SeatInfo(String section, String row, String seat, String category) {
            this(section, row, seat, category, false);
        }
    }

    /**
     * Issue 18: a standing area at this gate: its capacity on the map, the admissions this terminal made to it, and
     * whether the gate staff marked it full at the door.
     */
    public record AreaLine(String areaId, String name, int capacity, int admittedHere, boolean full) {}

    /** What one report round did: reports the center accepted, and duplicates it found. */
    public record Reported(int sent, List<ScanRecord> duplicates) {}

    private GateStation(EventInfo event, String gateId, GateScans scans, Clock clock) {
        this.event = event;
        this.gateId = gateId;
        this.scans = scans;
        this.clock = clock;
    }

    /**
     * Opens the shift: downloads the gate package, or, when the center cannot be reached, uses the one cached in
     * the ledger. Blocking.
     *
     * @throws dev.tessera.client.CenterException when the center fails and nothing is cached
     */
    public static GateStation open(CenterSession session, LedgerStore ledger, EventInfo event, String gateId, Clock clock)
            throws IOException {
        GateStation station = new GateStation(event, gateId, new GateScans(ledger.dsl(), event.id()), clock);
        try {
            station.refresh(session);
        } catch (dev.tessera.client.CenterUnreachableException e) {
            if (!station.loadCache()) {
                throw e;
            }
        }
        return station;
    }

    private boolean loadCache() throws IOException {
        var cached = scans.cache();
        if (cached.isEmpty()) {
            return false;
        }
        try {
            install(GateTrust.fromJson(cached.get().trust()), SeatMapFormat.read(cached.get().seatMap()),
                    cached.get().refreshedAt());
        } catch (SeatMapFormatException e) {
            throw new IOException("the cached seat map cannot be read: " + e.getMessage(), e);
        }
        return true;
    }

    /** Downloads keys, revocations and the event's chips (and the seat map once), then caches them. Blocking. */
    public void refresh(CenterSession session) throws IOException {
        List<byte[]> keys = new ArrayList<>();
        session.issuerKeys().forEach(k -> keys.add(HEX.parseHex(k.publicKey())));
        // flow 3: tickets a box office sold offline are signed by its certified terminal key
        session.terminalKeys().forEach(t -> keys.add(HEX.parseHex(t.publicKey())));
        Set<String> revoked = new HashSet<>();
        long last = 0;
        for (List<RevocationView> page = session.revocations(event.id(), 0); !page.isEmpty();
             page = session.revocations(event.id(), last)) {
            for (RevocationView r : page) {
                revoked.add(UUID.fromString(r.ticketId()) + "/" + r.version());
                last = Math.max(last, r.id());
            }
        }
        List<GateChip> chips = session.gatePackage(event.id()).chips().stream()
                .map(c -> new GateChip(c.chipId(), HEX.parseHex(c.publicKey()), HEX.parseHex(c.gateKey()))).toList();
        GateTrust fresh = GateTrust.ofEncodedKeys(event.id(), keys, revoked, chips, last);
        SeatMap map = seatMap != null ? seatMap : session.seatMap(event.venueId(), event.seatMapVersion());
        Instant now = clock.instant();
        synchronized (installing) {
            scans.saveCache(fresh.toJson(), CenterSession.json(event), SeatMapFormat.toJson(map), now);
            install(fresh, map, now);
        }
    }

    /**
     * The revocations the center added since the last download, read after the highest id this gate holds: a call
     * cheap enough for every sync, so an online gate refuses a revoked copy (a blocked card's, a transferred one's)
     * within one sync period rather than at the next full refresh. Returns how many were new. Blocking.
     */
    public int catchUpRevocations(CenterSession session) throws IOException {
        Set<String> added = new HashSet<>();
        long last = trust.lastRevocationId();
        for (List<RevocationView> page = session.revocations(event.id(), last); !page.isEmpty();
             page = session.revocations(event.id(), last)) {
            for (RevocationView r : page) {
                added.add(UUID.fromString(r.ticketId()) + "/" + r.version());
                last = Math.max(last, r.id());
            }
        }
        if (added.isEmpty()) {
            return 0;
        }
        synchronized (installing) {
            GateTrust fresh = trust.withRevocations(added, last);
            scans.saveCache(fresh.toJson(), CenterSession.json(event), SeatMapFormat.toJson(seatMap), refreshedAt);
            install(fresh, seatMap, refreshedAt);
        }
        return added.size();
    }

    private void install(GateTrust fresh, SeatMap map, Instant at) {
        seatMap = map;
        trust = fresh;
        verifier = new GateVerifier(fresh, gateId, scans, clock, CLOCK_SKEW, scans::areaFull);
        refreshedAt = at;
    }

    /** A chip on the reader. Blocking (card I/O). */
    public Answer tap(WalletCard card) {
        synchronized (scanning) {
            Instant at = clock.instant();
            return answer(verifier.tap(card), at, GateScans.CHIP);
        }
    }

    /** A paper ticket's QR text as the scanner typed it. */
    public Answer scanPaper(String code) {
        synchronized (scanning) {
            Instant at = clock.instant();
            return answer(verifier.scanPaper(code), at, GateScans.PAPER);
        }
    }

    private Answer answer(GateDecision d, Instant at, String medium) {
        ScanRecord record;
        if (d.admitted()) {
            if (!"ok".equals(d.detail())) {
                scans.admissionDetail(d.ticketId(), d.detail());
            }
            record = scans.admission(d.ticketId()).orElseThrow(() ->
                    new UncheckedIOException(new IOException("the admission of " + d.ticketId() + " is not in the ledger")));
        } else {
            record = scans.refused(gateId, at, medium, d);
        }
        String usedAtGate = null;
        Instant usedAt = null;
        if (d.verdict() == Verdict.ALREADY_USED && d.ticketId() != null) {
            var first = scans.admission(d.ticketId());
            if (first.isPresent()) {
                usedAtGate = first.get().gateId();
                usedAt = first.get().at();
            }
        }
        return new Answer(record, seat(record.seatId()), usedAtGate, usedAt, d.admitted() ? d.attendees() : List.of());
    }

    SeatInfo seat(String seatId) {
        SeatMap map = seatMap;
        if (seatId == null || map == null) {
            return null;
        }
        var area = map.areas().stream().filter(a -> a.id().equals(seatId)).findFirst();
        if (area.isPresent()) {
            return new SeatInfo(area.get().name(), "", "", map.category(area.get().categoryId()).map(c -> c.name())
                    .orElse(""), true);
        }
        var seat = map.seat(seatId);
        return new SeatInfo(map.sectionOf(seatId).map(s -> s.name()).orElse(""),
                map.rowOf(seatId).map(r -> r.label()).orElse(""),
                seat.map(s -> s.label()).orElse(seatId),
                seat.flatMap(s -> map.category(s.categoryId())).map(c -> c.name()).orElse(""));
    }

    /**
     * Reports every admission the center has not answered yet, oldest first, each with the time it was made: a
     * report repeated after a lost answer counts once at the center. Stops at the first failure. Blocking.
     */
    public Reported report(CenterSession session) {
        synchronized (reporting) {
            int sent = 0;
            List<ScanRecord> duplicates = new ArrayList<>();
            for (ScanRecord s : scans.unreported()) {
                ScanResult answer = session.reportScan(new Scan(event.id(), s.gateId(), signedTicket(s.id()),
                        s.chipId(), GateScans.stored(s.at()).toInstant()));
                ScanRecord done = scans.reported(s.id(), answer);
                sent++;
                if (done.duplicate()) {
                    duplicates.add(done);
                }
            }
            // issue 18: the door marks made here, in the order they were made
            scans.untoldDoors().forEach((areaId, full) -> {
                session.markAreaFull(event.id(), areaId, full);
                scans.doorTold(areaId, full);
            });
            return new Reported(sent, duplicates);
        }
    }

    /** The signed ticket (base64) an admission reports. */
    String signedTicket(long scanId) {
        return scans.signedTicket(scanId);
    }

    public List<GateCount> centerCounts(CenterSession session) {
        return session.gateCounts(event.id());
    }

    /** Issue 18: the event's standing areas, with this terminal's admissions to each and the door mark. */
    public List<AreaLine> areas() {
        SeatMap map = seatMap;
        if (map == null) {
            return List.of();
        }
        var admitted = scans.admittedPerPlace();
        return map.areas().stream().map(a -> new AreaLine(a.id(), a.name(), a.capacity(),
                admitted.getOrDefault(a.id(), 0), scans.areaFull(a.id()))).toList();
    }

    /**
     * Issue 18: marks a standing area full at the door (its tickets are refused until opened again) or opens it. The
     * mark is this terminal's at once, offline too; {@link #report} tells the center, for the other gates.
     */
    public void markAreaFull(String areaId, boolean full) {
        synchronized (scanning) {
            scans.markAreaFull(areaId, full, clock.instant());
        }
    }

    public GateScans.Counts counts() {
        return scans.counts();
    }

    public List<ScanRecord> recent(int limit) {
        return scans.recent(limit);
    }

    public EventInfo event() {
        return event;
    }

    public String gateId() {
        return gateId;
    }

    public Instant refreshedAt() {
        return refreshedAt;
    }

    public int chipCount() {
        return trust.chipCount();
    }

    public int revokedCount() {
        return trust.revokedCount();
    }
}
