package dev.tessera.center.demo;

import dev.tessera.center.Services;
import dev.tessera.center.event.EventService.AuthorizeSeller;
import dev.tessera.center.event.EventService.RegisterEvent;
import dev.tessera.core.model.Event;
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
import java.util.Map;

/**
 * The demo venue, event and accounts loaded on a center's first start when asked for
 * (the desktop app's embedded default). The demo passwords are shown on the sign-in screen.
 */
public final class DemoData {
    public record DemoAccount(String loginId, String password, Role role, String displayName) {}

    public static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("organizer", "organizer-demo", Role.ORGANIZER, "Aoi Organizer"),
            new DemoAccount("clerk", "clerk-demo", Role.SELLER, "Box Office 1"),
            new DemoAccount("manager", "manager-demo", Role.MANAGER, "Mika Manager"),
            new DemoAccount("gate", "gate-demo", Role.GATE, "North Gate"),
            new DemoAccount("member", "member-demo", Role.MEMBER, "Hana Sato"));

    private DemoData() {}

    /** Loads the demo unless the center already has venues; returns true when it loaded. */
    public static boolean loadIfEmpty(Services s, Clock clock) {
        if (!s.venues().list().isEmpty()) {
            return false;
        }
        Map<String, Long> ids = new LinkedHashMap<>();
        for (DemoAccount a : ACCOUNTS) {
            s.accounts().bootstrap(a.loginId(), a.password().toCharArray(), a.role(), a.displayName());
            ids.put(a.loginId(), s.accounts().list(a.role()).stream()
                    .filter(p -> p.loginId().equals(a.loginId())).findFirst().orElseThrow().accountId());
        }
        SeatMap map = SampleVenues.theatre();
        Venue venue = s.venues().create(ids.get("organizer"), "Tessera Theatre", "1-2-3 Marunouchi, Tokyo");
        int version = s.venues().addSeatMap(venue.id(), SeatMapFormat.toJson(map));
        Instant start = LocalDate.now(clock).plusDays(30).atTime(19, 0).toInstant(ZoneOffset.UTC);
        Map<String, Long> prices = new LinkedHashMap<>();
        long price = 12_000;
        for (var category : map.categories()) {
            prices.put(category.id(), price);
            price = Math.max(3_000, price - 3_000);
        }
        List<String> gates = map.gates().stream().map(g -> g.id()).toList();
        Event event = s.events().register(ids.get("organizer"), new RegisterEvent("The Tempest", "Tessera Players",
                venue.id(), version, start.minus(Duration.ofMinutes(45)), start, start.plus(3, ChronoUnit.HOURS), "JPY",
                prices, gates, "boxoffice@tessera.example, +81 3 0000 0000"));
        Map<String, Integer> quotas = new LinkedHashMap<>();
        map.categories().forEach(c -> quotas.put(c.id(), 10_000));
        s.events().authorize(event.id(), new AuthorizeSeller(ids.get("clerk"), quotas, firstRowOfLastSection(map)));
        s.events().publish(event.id());
        return true;
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
