package dev.tessera.center.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tessera.center.CenterConfig;
import dev.tessera.center.PlatformCenter;
import dev.tessera.center.sales.LedgerIntegrity;
import dev.tessera.core.crypto.PasswordHasher;
import dev.tessera.core.model.Role;
import dev.tessera.core.seatmap.SampleVenues;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.core.seatmap.SeatMapFormat;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A running center on a given database, with helpers that set up events through the HTTP API. */
public final class CenterFixture implements AutoCloseable {
    /** Cheap Argon2id for tests (the production default is m=19 MiB, t=2). */
    public static final PasswordHasher TEST_HASHER = new PasswordHasher(1024, 1, 1, 16, 32, new SecureRandom());
    public static final String ORGANIZER_PASSWORD = "organizer-secret";
    private static final AtomicInteger NAMES = new AtomicInteger();

    public final PlatformCenter center;
    public final MutableClock clock = new MutableClock();
    public final ApiClient anonymous;
    public final ApiClient organizer;

    public CenterFixture(String jdbcUrl, String user) {
        this(jdbcUrl, user, null, null);
    }

    /** A center whose key-encryption key is {@code kek} (null: the default file), rotating from {@code previous}. */
    public CenterFixture(String jdbcUrl, String user, dev.tessera.center.keys.KekSource kek,
                         dev.tessera.center.keys.KekSource previous) {
        CenterConfig config = CenterConfig.of(jdbcUrl, user, "", 0).withPasswordHasher(TEST_HASHER).withClock(clock)
                .withPoolSize(24).withLapseSweepInterval(Duration.ZERO).withChipKek(kek, previous);
        center = PlatformCenter.start(config);
        // holds lapse when the test moves the clock, not when a wall-clock sweeper happens to run
        clock.onAdvance(center::lapseExpiredHolds);
        center.services().accounts().bootstrap("root-organizer", ORGANIZER_PASSWORD.toCharArray(), Role.ORGANIZER,
                "Root Organizer");
        anonymous = new ApiClient(center.baseUri());
        organizer = anonymous.login("root-organizer", ORGANIZER_PASSWORD);
    }

    public static String unique(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100_000, 36);
    }

    /** Creates an account through the API and returns (id, signed-in client). */
    public Account account(Role role) {
        String login = unique(role.name().toLowerCase());
        var r = organizer.post("/api/accounts", Map.of("loginId", login, "password", "password-" + login,
                "role", role.name(), "displayName", "Test " + login));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return new Account(r.get("accountId").asLong(), login, "password-" + login,
                anonymous.login(login, "password-" + login));
    }

    public record Account(long id, String loginId, String password, ApiClient client) {}

    public record EventSetup(long eventId, SeatMap map, JsonNode event) {}

    /** A published event at the sample theatre, doors open an hour ago, with the given sellers authorized. */
    public EventSetup publishedTheatreEvent(Map<Account, Map<String, Integer>> sellers,
                                            Map<Account, List<String>> allocations) {
        return publishedTheatreEvent(sellers, allocations, Map.of());
    }

    /** The same with prices per category id; a category not named costs 5,000. */
    public EventSetup publishedTheatreEvent(Map<Account, Map<String, Integer>> sellers,
                                            Map<Account, List<String>> allocations, Map<String, Long> pricesMinor) {
        return publishedEvent(SampleVenues.theatre(), sellers, allocations, pricesMinor);
    }

    /** The sample theatre with a standing area {@link #STANDING} of the given capacity, in its own category. */
    public static SeatMap theatreWithStanding(int capacity) {
        SeatMap theatre = SampleVenues.theatre();
        List<dev.tessera.core.seatmap.Category> categories = new java.util.ArrayList<>(theatre.categories());
        categories.add(new dev.tessera.core.seatmap.Category(STANDING_CATEGORY, "Standing", "#8E44AD"));
        var area = new dev.tessera.core.seatmap.GeneralAdmissionArea(STANDING, "Standing pit", STANDING_CATEGORY,
                capacity, List.of(new dev.tessera.core.seatmap.Point(-400, -900),
                        new dev.tessera.core.seatmap.Point(400, -900), new dev.tessera.core.seatmap.Point(400, -600),
                        new dev.tessera.core.seatmap.Point(-400, -600)));
        return new SeatMap(theatre.formatVersion(), theatre.name() + " with a pit", theatre.focalPoint(), categories,
                theatre.sections(), List.of(area), theatre.gates());
    }

    public static final String STANDING = "PIT";
    public static final String STANDING_CATEGORY = "standing";

    /** A published event on the given map, doors open an hour ago. */
    public EventSetup publishedEvent(SeatMap map, Map<Account, Map<String, Integer>> sellers,
                                     Map<Account, List<String>> allocations, Map<String, Long> pricesMinor) {
        return publishedEvent(map, sellers, allocations, pricesMinor, Map.of());
    }

    /** The same with standing places allocated to sellers' offline counters, per area id. */
    public EventSetup publishedEvent(SeatMap map, Map<Account, Map<String, Integer>> sellers,
                                     Map<Account, List<String>> allocations, Map<String, Long> pricesMinor,
                                     Map<Account, Map<String, Integer>> areaAllocations) {
        return publishedEvent(map, sellers, allocations, pricesMinor, areaAllocations, false);
    }

    /** The same; {@code attendeeNamesRequired}: the organizer requires a name on every ticket (claim 70). */
    public EventSetup publishedEvent(SeatMap map, Map<Account, Map<String, Integer>> sellers,
                                     Map<Account, List<String>> allocations, Map<String, Long> pricesMinor,
                                     Map<Account, Map<String, Integer>> areaAllocations, boolean attendeeNamesRequired) {
        var venue = organizer.post("/api/venues", Map.of("name", unique("Theatre"), "address", "Tokyo"));
        assertThat(venue.status()).as(venue.body()).isEqualTo(201);
        long venueId = venue.get("id").asLong();
        var seatMap = organizer.post("/api/venues/" + venueId + "/seat-maps", SeatMapFormat.toJson(map));
        assertThat(seatMap.status()).as(seatMap.body()).isEqualTo(201);
        Instant now = clock.instant();
        Map<String, Long> prices = new java.util.LinkedHashMap<>();
        map.categories().forEach(c -> prices.put(c.id(), pricesMinor.getOrDefault(c.id(), 5_000L)));
        var event = organizer.post("/api/events", Map.ofEntries(
                Map.entry("name", unique("Concert")), Map.entry("servicer", "Tessera Players"),
                Map.entry("venueId", venueId), Map.entry("seatMapVersion", seatMap.get("version").asInt()),
                Map.entry("doorsOpen", now.minus(Duration.ofHours(1)).toString()),
                Map.entry("startsAt", now.plus(Duration.ofHours(1)).toString()),
                Map.entry("endsAt", now.plus(Duration.ofHours(4)).toString()),
                Map.entry("currency", "JPY"), Map.entry("pricesMinor", prices),
                Map.entry("gates", map.gates().stream().map(g -> g.id()).toList()),
                Map.entry("contact", "info@example.com"), Map.entry("attendeeNamesRequired", attendeeNamesRequired)));
        assertThat(event.status()).as(event.body()).isEqualTo(201);
        long eventId = event.get("id").asLong();
        sellers.forEach((seller, quotas) -> {
            var auth = organizer.post("/api/events/" + eventId + "/authorizations", Map.of("sellerId", seller.id(),
                    "quotas", quotas, "seatIds", allocations.getOrDefault(seller, List.of()),
                    "areas", areaAllocations.getOrDefault(seller, Map.of())));
            assertThat(auth.status()).as(auth.body()).isEqualTo(201);
        });
        var published = organizer.post("/api/events/" + eventId + "/publish", Map.of());
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        return new EventSetup(eventId, map, published.json());
    }

    public static Map<String, Integer> quotaForAll(SeatMap map, int quota) {
        Map<String, Integer> quotas = new java.util.LinkedHashMap<>();
        map.categories().forEach(c -> quotas.put(c.id(), quota));
        return quotas;
    }

    /**
     * Closes the center after checking that no row of its sales ledger names a missing parent: migration 31 left these
     * references to the center ({@code LedgerIntegrity}), so each suite that sells checks them over all it sold.
     */
    public void closeCheckingTheLedger() {
        try {
            assertThat(LedgerIntegrity.missingParents(center.services().db().dsl()))
                    .as("ledger rows naming a missing parent").isEmpty();
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        center.close();
    }
}
