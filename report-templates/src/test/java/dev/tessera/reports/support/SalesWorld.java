package dev.tessera.reports.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tessera.center.CenterConfig;
import dev.tessera.center.support.ApiClient;
import dev.tessera.center.support.ApiClient.Response;
import dev.tessera.center.support.CenterFixture;
import dev.tessera.center.support.CenterFixture.Account;
import dev.tessera.core.model.Role;
import dev.tessera.core.seatmap.Category;
import dev.tessera.core.seatmap.SampleVenues;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.core.seatmap.SeatMapFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * A real center on an H2 file with two events, three sellers and sales on three days, all made
 * through the center's HTTP API. The event's doors open on day four, so its tickets can be scanned.
 */
public final class SalesWorld implements AutoCloseable {
    public static final String JAPANESE_ATTENDEE = "山田 花子";

    public final CenterFixture center;
    public final Account alice;
    public final Account bruno;
    public final Account chiyo;
    public final Account gate;
    public final long concertId;
    public final long matineeId;
    public final SeatMap map = SampleVenues.theatre();
    public final Instant start;
    public final List<JsonNode> sales = new ArrayList<>();

    public SalesWorld(Path dir) {
        center = new CenterFixture(CenterConfig.h2FileUrl(dir.resolve("center")), "tessera");
        start = center.clock.instant();
        alice = center.account(Role.SELLER);
        bruno = center.account(Role.SELLER);
        chiyo = center.account(Role.SELLER);
        gate = center.account(Role.GATE);
        concertId = publish("Tessera Philharmonic — 第九", "JPY", Map.of("stalls-premium", 12_000L, "stalls", 8_500L,
                "balcony", 5_000L));
        matineeId = publish("Sunday Matinee", "JPY", Map.of("stalls-premium", 6_000L, "stalls", 4_500L,
                "balcony", 3_000L));
        sellDays();
    }

    public DSLContext dsl() {
        return center.center.services().db().dsl();
    }

    private long publish(String name, String currency, Map<String, Long> prices) {
        var venue = center.organizer.post("/api/venues", Map.of("name", "Tessera Theatre 東京", "address",
                "1-1 Nishi-Shinjuku, Tokyo"));
        assertThat(venue.status()).as(venue.body()).isEqualTo(201);
        long venueId = venue.get("id").asLong();
        var seatMap = center.organizer.post("/api/venues/" + venueId + "/seat-maps", SeatMapFormat.toJson(map));
        assertThat(seatMap.status()).as(seatMap.body()).isEqualTo(201);
        Instant doors = start.plus(Duration.ofDays(3));
        var event = center.organizer.post("/api/events", Map.ofEntries(
                Map.entry("name", name), Map.entry("servicer", "Tessera Players"),
                Map.entry("venueId", venueId), Map.entry("seatMapVersion", seatMap.get("version").asInt()),
                Map.entry("doorsOpen", doors.toString()),
                Map.entry("startsAt", doors.plus(Duration.ofMinutes(45)).toString()),
                Map.entry("endsAt", doors.plus(Duration.ofHours(4)).toString()),
                Map.entry("currency", currency), Map.entry("pricesMinor", prices),
                Map.entry("gates", map.gates().stream().map(g -> g.id()).toList()),
                Map.entry("contact", "box-office@tessera.example · 03-1234-5678")));
        assertThat(event.status()).as(event.body()).isEqualTo(201);
        long eventId = event.get("id").asLong();
        for (Account seller : List.of(alice, bruno, chiyo)) {
            Map<String, Integer> quotas = new LinkedHashMap<>();
            for (Category c : map.categories()) {
                quotas.put(c.id(), 60);
            }
            var auth = center.organizer.post("/api/events/" + eventId + "/authorizations", Map.of("sellerId", seller.id(),
                    "quotas", quotas, "seatIds", List.of()));
            assertThat(auth.status()).as(auth.body()).isEqualTo(201);
        }
        var published = center.organizer.post("/api/events/" + eventId + "/publish", Map.of());
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        return eventId;
    }

    private void sellDays() {
        List<Account> sellers = List.of(alice, bruno, chiyo);
        String[] payments = {"CASH", "CARD", "CARD", "INVOICE"};
        int n = 0;
        for (int day = 0; day < 3; day++) {
            for (int i = 0; i < 8; i++, n++) {
                Account seller = sellers.get(n % sellers.size());
                long eventId = n % 3 == 2 ? matineeId : concertId;
                String category = map.categories().get(n % map.categories().size()).id();
                int count = 1 + n % 3;
                List<String> attendees = new ArrayList<>();
                for (int a = 0; a < count; a++) {
                    attendees.add(n % 4 == 0 ? JAPANESE_ATTENDEE : "Guest " + n + "-" + a);
                }
                sales.add(sell(seller, eventId, category, count, payments[n % payments.length], attendees));
                center.clock.advance(Duration.ofMinutes(37));
            }
            center.clock.advance(Duration.ofDays(1).minusMinutes(37 * 8));
        }
    }

    public JsonNode sell(Account seller, long eventId, String category, int count, String payment, List<String> attendees) {
        var client = signIn(seller);
        Response hold = client.post("/api/events/" + eventId + "/holds",
                Map.of("bestAvailable", Map.of("count", count, "categoryId", category)));
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        Response sale = client.post("/api/sales", Map.of("holdId", hold.get("id").asLong(),
                "customer", Map.of("auth", "WALK_IN"),
                "payment", Map.of("method", payment, "reference", "ref-" + hold.get("id").asLong()),
                "attendees", attendees));
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        return sale.json();
    }

    private boolean managerCreated;

    /** A fresh session of a manager, who reads the reports over the center's API as the desktop does. */
    public ApiClient manager() {
        if (!managerCreated) {
            // the world's clock ran days ahead: the organizer signs in afresh to add the manager
            ApiClient organizer = center.anonymous.login("root-organizer", CenterFixture.ORGANIZER_PASSWORD);
            var created = organizer.post("/api/accounts", Map.of("loginId", "mika", "password", "mika-password-1",
                    "role", Role.MANAGER.name(), "displayName", "Mika Manager"));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            managerCreated = true;
        }
        return center.anonymous.login("mika", "mika-password-1");
    }

    /** A fresh session: the tests move the clock by days, past the session lifetime. */
    public ApiClient signIn(Account account) {
        return center.anonymous.login(account.loginId(), account.password());
    }

    /** Moves the center's clock to half an hour after the doors open, when gates admit. */
    public void openDoors() {
        Duration toDoors = Duration.between(center.clock.instant(), start.plus(Duration.ofDays(3)).plusSeconds(1800));
        if (!toDoors.isNegative()) {
            center.clock.advance(toDoors);
        }
    }

    @Override
    public void close() {
        center.close();
    }
}
