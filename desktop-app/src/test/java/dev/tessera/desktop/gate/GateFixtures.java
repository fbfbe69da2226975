package dev.tessera.desktop.gate;

import dev.tessera.center.Services;
import dev.tessera.contract.event.AuthorizeSeller;
import dev.tessera.contract.event.RegisterEvent;
import dev.tessera.contract.sales.PaymentMethod;
import dev.tessera.contract.sales.SaleResult;
import dev.tessera.core.model.CustomerAuth;
import dev.tessera.core.model.Event;
import dev.tessera.core.model.Role;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.contract.sales.ConfirmSale;
import dev.tessera.contract.sales.Customer;
import dev.tessera.contract.sales.IssuedTicket;
import dev.tessera.contract.sales.Payment;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What gate tests need at the embedded center: a performance whose doors are open, and tickets sold for it. */
public final class GateFixtures {
    private GateFixtures() {}

    /** A performance tonight at the demo theatre, doors open, the demo clerk authorized (the demo's is weeks away). */
    public static long tonightsPerformance(Services s) {
        return tonightsPerformance(s, false);
    }

    /** The same; {@code attendeeNamesRequired}: the organizer requires a name on every ticket (claim 70). */
    public static long tonightsPerformance(Services s, boolean attendeeNamesRequired) {
        Event demo = s.events().list(true).getFirst();
        long organizer = s.accounts().list(Role.ORGANIZER).getFirst().accountId();
        long clerk = s.accounts().list(Role.SELLER).stream().filter(p -> p.loginId().equals("clerk")).findFirst()
                .orElseThrow().accountId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Event tonight = s.events().register(organizer, new RegisterEvent("The Tempest (tonight)", demo.servicer(),
                demo.venueId(), demo.seatMapVersion(), now.minus(Duration.ofMinutes(30)), now.plus(Duration.ofMinutes(30)),
                now.plus(Duration.ofHours(3)), demo.currency(), demo.pricesMinor(), demo.gates(), demo.contact(),
                attendeeNamesRequired));
        Map<String, Integer> quotas = new LinkedHashMap<>();
        demo.pricesMinor().keySet().forEach(c -> quotas.put(c, 100));
        s.events().authorize(tonight.id(), new AuthorizeSeller(clerk, quotas, List.of()));
        s.events().publish(tonight.id());
        return tonight.id();
    }

    public static final String PIT = "PIT";

    /**
     * Issue 18: a performance tonight at the demo theatre with a standing pit of {@code capacity} places in its own
     * category, on a new map version of its own venue; the demo clerk authorized for 100 of each category.
     */
    public static long tonightsStanding(Services s, int capacity) {
        return tonightsStanding(s, capacity, 0);
    }

    /** The same, with {@code allocated} places of the pit set aside for the clerk's offline counter. */
    public static long tonightsStanding(Services s, int capacity, int allocated) {
        Event demo = s.events().list(true).getFirst();
        long organizer = s.accounts().list(Role.ORGANIZER).getFirst().accountId();
        long clerk = s.accounts().list(Role.SELLER).stream().filter(p -> p.loginId().equals("clerk")).findFirst()
                .orElseThrow().accountId();
        var theatre = s.venues().seatMap(demo.venueId(), demo.seatMapVersion());
        // the first event may be an earlier call's, whose map has the standing category already
        List<dev.tessera.core.seatmap.Category> categories = new java.util.ArrayList<>(theatre.categories().stream()
                .filter(c -> !c.id().equals("standing")).toList());
        categories.add(new dev.tessera.core.seatmap.Category("standing", "Standing", "#8E44AD"));
        var pit = new dev.tessera.core.seatmap.GeneralAdmissionArea(PIT, "Standing pit", "standing", capacity,
                List.of(new dev.tessera.core.seatmap.Point(-400, -900), new dev.tessera.core.seatmap.Point(400, -900),
                        new dev.tessera.core.seatmap.Point(400, -600), new dev.tessera.core.seatmap.Point(-400, -600)));
        var map = new dev.tessera.core.seatmap.SeatMap(theatre.formatVersion(), theatre.name() + " with a pit",
                theatre.focalPoint(), categories, theatre.sections(), List.of(pit), theatre.gates());
        long venue = s.venues().create(organizer, "Theatre with a pit " + System.nanoTime(), "Tokyo").id();
        int version = s.venues().addSeatMap(venue, dev.tessera.core.seatmap.SeatMapFormat.toJson(map));
        Map<String, Long> prices = new LinkedHashMap<>(demo.pricesMinor());
        prices.put("standing", 4_000L);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Event tonight = s.events().register(organizer, new RegisterEvent("Standing tonight", demo.servicer(), venue,
                version, now.minus(Duration.ofMinutes(30)), now.plus(Duration.ofMinutes(30)), now.plus(Duration.ofHours(3)),
                demo.currency(), prices, demo.gates(), demo.contact()));
        Map<String, Integer> quotas = new LinkedHashMap<>();
        prices.keySet().forEach(c -> quotas.put(c, 100));
        s.events().authorize(tonight.id(), new AuthorizeSeller(clerk, quotas, List.of(), Map.of(PIT, allocated)));
        s.events().publish(tonight.id());
        return tonight.id();
    }

    /**
     * Sells one seat: to the member's card in the field when {@code card} is given (it proves itself by signing the
     * center's challenge, issue 15), else as a walk-in's paper ticket.
     */
    public static IssuedTicket sell(CenterSession clerk, long eventId, String seat, dev.tessera.reader.wallet.WalletCard card)
            throws dev.tessera.reader.wallet.WalletException {
        return sale(clerk, eventId, seat, card).tickets().getFirst();
    }

    /** The same sale, whole: its id entitles the clerk to a session on the card (docs/card-protocol.md §7). */
    public static SaleResult sale(CenterSession clerk, long eventId, String seat,
                                                                     dev.tessera.reader.wallet.WalletCard card)
            throws dev.tessera.reader.wallet.WalletException {
        return sale(clerk, eventId, seat, card, List.of());
    }

    /** The same sale naming its attendee (claim 70). */
    public static SaleResult sale(CenterSession clerk, long eventId, String seat,
                                                                     dev.tessera.reader.wallet.WalletCard card,
                                                                     List<String> attendees)
            throws dev.tessera.reader.wallet.WalletException {
        Customer customer;
        if (card == null) {
            customer = new Customer(CustomerAuth.WALK_IN, null, null, null);
        } else {
            var proof = dev.tessera.desktop.counter.ChipDesk.proveMemberCard(card, clerk);
            customer = new Customer(CustomerAuth.MEMBER_CARD, null, null, proof.chipId(), proof.challengeId(), proof.signature());
        }
        long hold = clerk.hold(eventId, List.of(seat)).id();
        return clerk.confirmSale(new ConfirmSale(hold, customer, new Payment(PaymentMethod.CASH, null, 100_000L), attendees));
    }
}
