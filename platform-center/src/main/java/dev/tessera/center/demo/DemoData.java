package dev.tessera.center.demo;

import dev.tessera.center.Services;
import dev.tessera.contract.event.AuthorizeSeller;
import dev.tessera.contract.event.RegisterEvent;
import dev.tessera.center.sales.InternetSales;
import dev.tessera.core.model.Event;
import dev.tessera.core.model.EventStatus;
import dev.tessera.core.model.Role;
import dev.tessera.core.model.Venue;
import dev.tessera.core.seatmap.Row;
import dev.tessera.core.seatmap.SampleVenues;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.core.seatmap.SeatMapFormat;
import dev.tessera.core.seatmap.Section;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The demo venue, event and accounts loaded on a center's first start when asked for
 * (the desktop app's embedded default). The demo passwords are shown on the sign-in screen.
 */
public final class DemoData {
    public static final String VENUE_NAME = "Tessera Theatre";
    public static final String EVENT_NAME = "The Tempest";
    /** The demo's performance whose doors open on the day of the first start, for the gate. */
    public static final String TODAY_NAME = "The Tempest (today)";

    public record DemoAccount(String loginId, String password, Role role, String displayName) {}

    public static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("organizer", "organizer-demo", Role.ORGANIZER, "Aoi Organizer"),
            new DemoAccount("clerk", "clerk-demo", Role.SELLER, "Box Office 1"),
            new DemoAccount("manager", "manager-demo", Role.MANAGER, "Mika Manager"),
            new DemoAccount("gate", "gate-demo", Role.GATE, "North Gate"),
            new DemoAccount("member", "member-demo", Role.MEMBER, "Hana Sato"),
            new DemoAccount("member2", "member2-demo", Role.MEMBER, "Ken Ito"));

    private DemoData() {}

    /**
     * Loads the demo into a center that has no venues but the demo's own; returns true when it loaded something.
     * Each step is skipped when it is already done, so a first start stopped half-way finishes at the next start.
     */
    public static boolean loadIfEmpty(Services s, Clock clock) {
        List<Venue> venues = s.venues().list();
        if (venues.stream().anyMatch(v -> !v.name().equals(VENUE_NAME)) || venues.size() > 1) {
            return false;
        }
        Event done = demoEvent(s, venues);
        if (done != null && done.status() != EventStatus.DRAFT) {
            return false;
        }
        // each account's Argon2id hash costs ~70 ms of one core: hashed side by side, the first start waits for
        // the slowest one instead of all six in a row
        ACCOUNTS.parallelStream().forEach(a -> s.accounts().bootstrap(a.loginId(), a.password().toCharArray(), a.role(),
                a.displayName()));
        Map<String, Long> ids = new LinkedHashMap<>();
        for (DemoAccount a : ACCOUNTS) {
            ids.put(a.loginId(), s.accounts().list(a.role()).stream()
                    .filter(p -> p.loginId().equals(a.loginId())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the account \"" + a.loginId()
                            + "\" already exists with another role; the demo needs it as "
                            + a.role().name().toLowerCase(Locale.ROOT))).accountId());
        }
        SeatMap map = SampleVenues.theatre();
        Venue venue = venues.isEmpty()
                ? s.venues().create(ids.get("organizer"), VENUE_NAME, "1-2-3 Marunouchi, Tokyo") : venues.getFirst();
        int version = venue.latestSeatMapVersion() > 0 ? venue.latestSeatMapVersion()
                : s.venues().addSeatMap(venue.id(), SeatMapFormat.toJson(map));
        Event event = done != null ? done : register(s, ids.get("organizer"), venue.id(), version, map, clock);
        authorizeAndPublish(s, ids.get("clerk"), event, map);
        return true;
    }

    /**
     * Issue 14: a performance of the demo at the demo theatre whose doors opened at the start of this hour (it ends
     * 12 hours later), so that the gate admits its tickets on the day of the first start; the clerk and the
     * internet-sales channel authorized as for the demo event. Added once, to a center holding the demo and nothing
     * else; the one already there otherwise.
     */
    public static Optional<Event> todaysPerformance(Services s, Clock clock) {
        List<Venue> venues = s.venues().list();
        Event demo = demoEvent(s, venues);
        if (demo == null || venues.size() != 1) {
            return Optional.empty();
        }
        Optional<Event> done = s.events().list(false).stream()
                .filter(e -> e.name().equals(TODAY_NAME) && e.venueId() == demo.venueId()).findFirst();
        if (done.isPresent() && done.get().status() != EventStatus.DRAFT) {
            return done;
        }
        SeatMap map = s.events().seatMapOf(demo);
        long organizer = accountId(s, "organizer");
        Event today = done.orElseGet(() -> {
            Instant doors = clock.instant().truncatedTo(ChronoUnit.HOURS);
            return s.events().register(organizer, new RegisterEvent(TODAY_NAME, demo.servicer(), demo.venueId(),
                    demo.seatMapVersion(), doors, doors.plus(Duration.ofMinutes(30)), doors.plus(Duration.ofHours(12)),
                    demo.currency(), demo.pricesMinor(), demo.gates(), demo.contact()));
        });
        return Optional.of(authorizeAndPublish(s, accountId(s, "clerk"), today, map));
    }

    private static long accountId(Services s, String loginId) {
        DemoAccount account = ACCOUNTS.stream().filter(a -> a.loginId().equals(loginId)).findFirst().orElseThrow();
        return s.accounts().list(account.role()).stream().filter(p -> p.loginId().equals(loginId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the demo account \"" + loginId + "\" is missing"))
                .accountId();
    }

    private static Event authorizeAndPublish(Services s, long clerk, Event event, SeatMap map) {
        Map<String, Integer> quotas = new LinkedHashMap<>();
        map.categories().forEach(c -> quotas.put(c.id(), 10_000));
        // authorizing again is harmless: the same quotas, the same seats for the same seller
        s.events().authorize(event.id(), new AuthorizeSeller(clerk, quotas, firstRowOfLastSection(map)));
        // issue 14: members buy at home within the internet-sales channel's quota (My wallet, Buy tickets)
        Map<String, Integer> online = new LinkedHashMap<>();
        map.categories().forEach(c -> online.put(c.id(), 200));
        s.events().authorize(event.id(), new AuthorizeSeller(InternetSales.channelOf(s.db(), s.accounts()), online,
                List.of()));
        return s.events().publish(event.id());
    }

    private static Event demoEvent(Services s, List<Venue> venues) {
        if (venues.isEmpty()) {
            return null;
        }
        return s.events().list(false).stream()
                .filter(e -> e.name().equals(EVENT_NAME) && e.venueId() == venues.getFirst().id())
                .findFirst().orElse(null);
    }

    private static Event register(Services s, long organizerId, long venueId, int version, SeatMap map, Clock clock) {
        Instant start = LocalDate.now(clock).plusDays(30).atTime(19, 0).toInstant(ZoneOffset.UTC);
        Map<String, Long> prices = new LinkedHashMap<>();
        long price = 12_000;
        for (var category : map.categories()) {
            prices.put(category.id(), price);
            price = Math.max(3_000, price - 3_000);
        }
        List<String> gates = map.gates().stream().map(g -> g.id()).toList();
        return s.events().register(organizerId, new RegisterEvent(EVENT_NAME, "Tessera Players",
                venueId, version, start.minus(Duration.ofMinutes(45)), start, start.plus(3, ChronoUnit.HOURS), "JPY",
                prices, gates, "boxoffice@tessera.example, +81 3 0000 0000"));
    }

    /** The clerk's own seat block: sellable even when the center cannot be reached (flow 3). */
    private static List<String> firstRowOfLastSection(SeatMap map) {
        Section last = map.sections().getLast();
        Row row = last.rows().getFirst();
        List<String> seats = new ArrayList<>();
        row.seats().forEach(seat -> seats.add(seat.id()));
        return seats;
    }
}
