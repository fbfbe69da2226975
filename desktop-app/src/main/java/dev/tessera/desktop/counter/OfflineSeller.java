package dev.tessera.desktop.counter;

import dev.tessera.contract.terminal.OfflineSalePayload;
import dev.tessera.core.model.LedgerEntry;
import dev.tessera.core.model.LedgerKind;
import dev.tessera.core.seatmap.Seat;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.core.ticket.Ticket;
import dev.tessera.core.ticket.TicketCodec;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.core.model.SellerAuthorization;
import dev.tessera.desktop.ledger.CrashPoints;
import dev.tessera.desktop.ledger.TerminalIdentity;
import dev.tessera.desktop.ui.Message;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Flow 3: selling while the center is out of reach. Only seats allocated to this seller, not sold
 * by this terminal already and not sold when the center was last seen, within the category quotas;
 * the tickets are signed with the terminal's certified key and journaled as OFFLINE_SALE, which the
 * center turns into a sale when the journal arrives.
 */
public final class OfflineSeller {
    public static final String TYPE = OfflineSalePayload.TYPE;

    /** The sale is refused; {@code reason} says why in the clerk's words. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Message reason;

        public Refused(Message reason) {
            super(reason.key() + " " + reason.args());
            this.reason = reason;
        }

        public Message reason() {
            return reason;
        }
    }

    public record OfflineSale(long sequence, long eventId, List<Ticket> tickets, long totalMinor, String currency) {}

    private final Journal journal;
    private final TerminalIdentity terminal;
    private final Clock clock;

    public OfflineSeller(Journal journal, TerminalIdentity terminal, Clock clock) {
        this.journal = journal;
        this.terminal = terminal;
        this.clock = clock;
    }

    public synchronized OfflineSale sell(EventInfo event, SeatMap map, SellerAuthorization authorization,
                                         Set<String> soldWhenLastSeen, List<String> seatIds, String paymentMethod,
                                         String reference) {
        return sell(event, map, authorization, soldWhenLastSeen, seatIds, Map.of(), paymentMethod, reference);
    }

    /**
     * The same with standing places per area id (issue 18): only out of this seller's allocation of the area, less what
     * this terminal sold of it offline (or the center counted as sold, whichever is more); the center refuses at sync
     * whatever goes beyond the allocation, so an offline counter never sells more than it was given.
     */
    public synchronized OfflineSale sell(EventInfo event, SeatMap map, SellerAuthorization authorization,
                                         Set<String> soldWhenLastSeen, List<String> seatIds, Map<String, Integer> areas,
                                         String paymentMethod, String reference) {
        if (seatIds.isEmpty() && areas.isEmpty()) {
            throw new Refused(Message.of("counter.offline.noSeats"));
        }
        // certified by the sync loop after this seller signed in: read it fresh from the ledger
        TerminalIdentity terminal = journal.ledger().identityOfTerminal(this.terminal.terminalId()).orElse(this.terminal);
        if (!terminal.certified()) {
            throw new Refused(Message.of("counter.offline.notCertified"));
        }
        Set<String> allocated = new HashSet<>(authorization.allocatedSeats());
        Map<String, Integer> soldHere = soldOffline(event.id());
        Map<String, Integer> wanted = new HashMap<>();
        Set<String> soldSeatsHere = soldSeatsOffline(event.id());
        for (String seatId : seatIds) {
            Seat seat = map.seat(seatId).orElseThrow(() -> new Refused(Message.of("counter.offline.unknownSeat", seatId)));
            if (!allocated.contains(seatId)) {
                SeatPlace place = SeatPlace.of(map, seat);
                throw new Refused(Message.of("counter.offline.notAllocated", place.section(), place.row(), place.seat()));
            }
            if (soldWhenLastSeen.contains(seatId) || soldSeatsHere.contains(seatId)) {
                SeatPlace place = SeatPlace.of(map, seat);
                throw new Refused(Message.of("counter.offline.sold", place.section(), place.row(), place.seat()));
            }
            wanted.merge(seat.categoryId(), 1, Integer::sum);
        }
        Map<String, Integer> placesHere = soldPlacesOffline(event.id());
        for (var place : areas.entrySet()) {
            var area = map.areas().stream().filter(a -> a.id().equals(place.getKey())).findFirst()
                    .orElseThrow(() -> new Refused(Message.of("counter.offline.unknownSeat", place.getKey())));
            int allocation = authorization.allocatedAreas().getOrDefault(area.id(), 0);
            int sold = Math.max(placesHere.getOrDefault(area.id(), 0),
                    authorization.allocatedAreasSold().getOrDefault(area.id(), 0));
            if (sold + place.getValue() > allocation) {
                throw new Refused(Message.of("counter.offline.standingAllocation", area.name(),
                        Math.max(0, allocation - sold)));
            }
            wanted.merge(area.categoryId(), place.getValue(), Integer::sum);
        }
        for (var e : wanted.entrySet()) {
            int quota = authorization.quotas().getOrDefault(e.getKey(), 0);
            if (soldHere.getOrDefault(e.getKey(), 0) + e.getValue() > quota) {
                throw new Refused(Message.of("counter.offline.quota", e.getKey(), quota));
            }
        }
        Instant now = clock.instant();
        Instant until = event.endsAt() != null ? event.endsAt() : event.startsAt().plusSeconds(6 * 3600);
        Instant from = event.doorsOpen() != null && event.doorsOpen().isBefore(now) ? event.doorsOpen() : now;
        Instant validFrom = from.isBefore(until) ? from : until.minusSeconds(3600);
        List<Ticket> tickets = new java.util.ArrayList<>(seatIds.stream().map(id -> {
            Seat seat = map.seat(id).orElseThrow();
            return new Ticket(UUID.randomUUID(), 1, event.id(), id, seat.categoryId(), Ticket.ANY_GATE,
                    validFrom, until, Ticket.PAPER, List.of(),
                    event.pricesMinor().getOrDefault(seat.categoryId(), 0L), event.currency());
        }).toList());
        new java.util.TreeMap<>(areas).forEach((areaId, quantity) -> {
            var area = map.areas().stream().filter(a -> a.id().equals(areaId)).findFirst().orElseThrow();
            for (int i = 0; i < quantity; i++) {
                tickets.add(new Ticket(UUID.randomUUID(), 1, event.id(), areaId, area.categoryId(), Ticket.ANY_GATE,
                        validFrom, until, Ticket.PAPER, List.of(),
                        event.pricesMinor().getOrDefault(area.categoryId(), 0L), event.currency(), true));
            }
        });
        OfflineSalePayload p = new OfflineSalePayload(event.id(), null,
                new OfflineSalePayload.Payment(paymentMethod, reference), tickets.stream()
                .map(t -> Base64.getEncoder().encodeToString(TicketCodec.encodeSigned(t, terminal.key()))).toList(), null);
        CrashPoints.reach("offline.before-journal");
        LedgerEntry entry = journal.append(LedgerKind.SALE, p);
        CrashPoints.reach("offline.after-journal");
        long total = tickets.stream().mapToLong(Ticket::priceMinor).sum();
        return new OfflineSale(entry.sequence(), event.id(), tickets, total, event.currency());
    }

    private Map<String, Integer> soldOffline(long eventId) {
        Map<String, Integer> perCategory = new HashMap<>();
        for (Ticket ticket : offlineTickets(eventId)) {
            perCategory.merge(ticket.categoryId(), 1, Integer::sum);
        }
        return perCategory;
    }

    private Set<String> soldSeatsOffline(long eventId) {
        Set<String> seats = new HashSet<>();
        offlineTickets(eventId).stream().filter(t -> !t.generalAdmission()).forEach(t -> seats.add(t.seatId()));
        return seats;
    }

    /** Issue 18: standing places this terminal sold offline per area id, read back from its journal. */
    private Map<String, Integer> soldPlacesOffline(long eventId) {
        Map<String, Integer> places = new HashMap<>();
        offlineTickets(eventId).stream().filter(Ticket::generalAdmission)
                .forEach(t -> places.merge(t.seatId(), 1, Integer::sum));
        return places;
    }

    /** Every ticket this terminal sold offline for the event, read back from its journal. */
    private List<Ticket> offlineTickets(long eventId) {
        return journal.entries().stream().map(Journal::read)
                .filter(p -> OfflineSalePayload.TYPE.equals(p.path("type").asText()))
                .map(p -> Journal.convert(p, OfflineSalePayload.class))
                .filter(sale -> sale.eventId() == eventId)
                .flatMap(sale -> sale.tickets().stream())
                .map(OfflineSeller::decode).toList();
    }

    private static Ticket decode(String base64) {
        try {
            return TicketCodec.decode(Base64.getDecoder().decode(base64)).ticket();
        } catch (dev.tessera.core.format.TicketFormatException e) {
            throw new IllegalStateException("the journal holds a ticket this terminal wrote: " + e.getMessage(), e);
        }
    }
}
