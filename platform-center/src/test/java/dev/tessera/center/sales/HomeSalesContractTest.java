package dev.tessera.center.sales;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tessera.center.support.ApiClient;
import dev.tessera.center.support.ApiClient.Response;
import dev.tessera.center.support.CenterFixture;
import dev.tessera.center.support.CenterFixture.Account;
import dev.tessera.center.support.CenterFixture.EventSetup;
import dev.tessera.core.crypto.ChipKeys;
import dev.tessera.core.model.Role;
import dev.tessera.core.seatmap.SampleVenues;
import dev.tessera.core.seatmap.Seat;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 14 through the HTTP API on a real database (H2 file and PostgreSQL subclasses): the organizer authorizes the
 * internet-sales channel like any seller, and a member holds and buys seats at home within that authorization only,
 * for their own card.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HomeSalesContractTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    CenterFixture fx;
    Account seller;
    long channel;

    record Member(long id, ApiClient client, String chipId) {}

    abstract String jdbcUrl();

    abstract String dbUser();

    @BeforeAll
    void startCenter() {
        fx = new CenterFixture(jdbcUrl(), dbUser());
        seller = fx.account(Role.SELLER);
        Response sellers = fx.organizer.get("/api/accounts?role=SELLER");
        channel = StreamSupport.stream(sellers.json().spliterator(), false)
                .filter(a -> a.get("loginId").asText().equals(InternetSales.CHANNEL_LOGIN)).findFirst()
                .orElseThrow(() -> new AssertionError("no internet-sales seller: " + sellers.body()))
                .get("accountId").asLong();
    }

    @AfterAll
    void stopCenter() {
        if (fx != null) {
            fx.closeCheckingTheLedger();
        }
    }

    @Test
    void aMemberBuysAtHomeWithinTheChannelsQuotaForTheirOwnCard() {
        var map = SampleVenues.theatre();
        String category = map.categories().getFirst().id();
        String other = map.categories().get(1).id();
        EventSetup ev = fx.publishedTheatreEvent(Map.of(seller, CenterFixture.quotaForAll(map, 50)), Map.of());
        EventSetup elsewhere = fx.publishedTheatreEvent(Map.of(seller, CenterFixture.quotaForAll(map, 50)), Map.of());
        Response auth = fx.organizer.post("/api/events/" + ev.eventId() + "/authorizations",
                Map.of("sellerId", channel, "quotas", Map.of(category, 3, other, 0)));
        assertThat(auth.status()).as(auth.body()).isEqualTo(201);
        Member a = member("a");
        Member b = member("b");

        JsonNode onSale = a.client().get("/api/me/events-on-sale").json();
        JsonNode mine = find(onSale, ev.eventId());
        assertThat(mine).as(onSale.toString()).isNotNull();
        assertThat(mine.get("quotaLeft").get(category).asInt()).isEqualTo(3);
        assertThat(mine.get("holdSeconds").asLong()).isPositive();
        assertThat(find(onSale, elsewhere.eventId())).as("not authorized for the channel").isNull();
        assertThat(a.client().post("/api/me/holds", Map.of("eventId", elsewhere.eventId(),
                "seatIds", List.of(seatOf(map, category, 0)))).status()).isEqualTo(404);

        List<String> seats = List.of(seatOf(map, category, 0), seatOf(map, category, 1));
        Response hold = a.client().post("/api/me/holds", Map.of("eventId", ev.eventId(), "seatIds", seats));
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        long holdId = hold.get("id").asLong();
        assertThat(hold.get("sellerId").asLong()).isEqualTo(channel);
        assertThat(a.client().get("/api/me/holds").json().findValuesAsText("id")).containsExactly(Long.toString(holdId));
        assertThat(b.client().get("/api/me/holds").json()).isEmpty();
        assertThat(fx.anonymous.login(seller.loginId(), seller.password())
                .get("/api/events/" + ev.eventId() + "/seats").get("seats").get("HELD").toString())
                .contains(seats.get(0), seats.get(1));

        // within the authorization only: the quota left is 1, a category without quota is refused
        Response over = a.client().post("/api/me/holds", Map.of("eventId", ev.eventId(),
                "seatIds", List.of(seatOf(map, category, 2), seatOf(map, category, 3))));
        assertThat(over.status()).as(over.body()).isEqualTo(409);
        assertThat(over.get("type").asText()).endsWith("quota-exceeded");
        assertThat(a.client().post("/api/me/holds", Map.of("eventId", ev.eventId(),
                "seatIds", List.of(seatOf(map, other, 0)))).status()).isIn(403, 409);
        assertThat(a.client().post("/api/me/holds", Map.of("eventId", ev.eventId(),
                "bestAvailable", Map.of("count", 11, "categoryId", category))).status()).isEqualTo(400);

        // another member can neither release nor buy it, nor may A buy for B's card
        assertThat(b.client().delete("/api/me/holds/" + holdId).status()).isEqualTo(404);
        assertThat(b.client().post("/api/me/purchases", Map.of("holdId", holdId, "chipId", b.chipId())).status())
                .isEqualTo(404);
        assertThat(a.client().post("/api/me/purchases", Map.of("holdId", holdId, "chipId", b.chipId())).status())
                .isEqualTo(404);

        String key = UUID.randomUUID().toString();
        Response sale = a.client().post("/api/me/purchases", Map.of("holdId", holdId, "chipId", a.chipId(),
                "paymentReference", "PAY-4711"), key);
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        assertThat(sale.get("paymentMethod").asText()).isEqualTo("CARD");
        assertThat(sale.get("tickets")).hasSize(2);
        for (JsonNode t : sale.get("tickets")) {
            assertThat(t.get("holderChipId").asText()).isEqualTo(a.chipId());
            assertThat(t.get("envelope").asText()).isNotBlank();
            assertThat(t.get("attendee").asText()).isEqualTo("Member A");
        }
        assertThat(a.client().post("/api/me/purchases", Map.of("holdId", holdId, "chipId", a.chipId(),
                "paymentReference", "PAY-4711"), key).body()).as("the same key, the same answer").isEqualTo(sale.body());
        Response again = a.client().post("/api/me/purchases", Map.of("holdId", holdId, "chipId", a.chipId()));
        assertThat(again.status()).as("a repeated purchase answers with the sale").isEqualTo(200);
        assertThat(again.get("saleId").asLong()).isEqualTo(sale.get("saleId").asLong());

        JsonNode tickets = a.client().get("/api/me/tickets").json();
        assertThat(tickets.findValuesAsText("state")).containsExactly("VALID", "VALID");
        assertThat(a.client().get("/api/chips/" + a.chipId() + "/tickets").get("tickets")).hasSize(2);
        assertThat(find(a.client().get("/api/me/events-on-sale").json(), ev.eventId()).get("quotaLeft")
                .get(category).asInt()).isEqualTo(1);
        assertThat(a.client().get("/api/me/holds").json()).isEmpty();
        // the sales log names the channel as the seller
        JsonNode log = fx.organizer.get("/api/sales-log?eventId=" + ev.eventId()).json();
        assertThat(log.toString()).contains("Internet sales");
    }

    @Test
    void anEventRequiringAttendeeNamesIsBoughtAtHomeOnlyWithANamePerSeat() {
        var map = SampleVenues.theatre();
        String category = map.categories().getFirst().id();
        EventSetup ev = fx.publishedEvent(map, Map.of(seller, CenterFixture.quotaForAll(map, 50)), Map.of(), Map.of(),
                Map.of(), true);
        Response auth = fx.organizer.post("/api/events/" + ev.eventId() + "/authorizations",
                Map.of("sellerId", channel, "quotas", Map.of(category, 4)));
        assertThat(auth.status()).as(auth.body()).isEqualTo(201);
        Member a = member("names");
        List<String> seats = List.of(seatOf(map, category, 4), seatOf(map, category, 5));
        Response hold = a.client().post("/api/me/holds", Map.of("eventId", ev.eventId(), "seatIds", seats));
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        long holdId = hold.get("id").asLong();

        // claim 70: the member's own name no longer stands in for a missing one; a blank name is none
        for (List<String> names : List.of(List.<String>of(), List.of("Hana Sato"), List.of("Hana Sato", ""))) {
            Response refused = a.client().post("/api/me/purchases", Map.of("holdId", holdId, "chipId", a.chipId(),
                    "attendees", names));
            assertThat(refused.status()).as(refused.body()).isEqualTo(422);
            assertThat(refused.get("type").asText()).endsWith("attendee-names-required");
            assertThat(refused.get("detail").asText()).contains("2 needed");
        }
        assertThat(a.client().get("/api/me/tickets").json()).as("nothing bought").isEmpty();
        Response tooMany = a.client().post("/api/me/purchases", Map.of("holdId", holdId, "chipId", a.chipId(),
                "attendees", List.of("Hana Sato", "Kenji Sato", "Extra Person")));
        assertThat(tooMany.status()).as("the same check as the counter's").isEqualTo(400);
        assertThat(tooMany.get("detail").asText()).contains("more attendee names than seats and standing places");

        Response sale = a.client().post("/api/me/purchases", Map.of("holdId", holdId, "chipId", a.chipId(),
                "attendees", List.of("Hana Sato", "Kenji Sato")));
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        assertThat(sale.get("tickets").findValuesAsText("attendee")).containsExactlyInAnyOrder("Hana Sato", "Kenji Sato");
    }

    @Test
    void aMemberReleasesAHoldAndHoldsAtMostTwiceAtOnce() {
        var map = SampleVenues.theatre();
        String category = map.categories().getFirst().id();
        EventSetup ev = fx.publishedTheatreEvent(Map.of(seller, CenterFixture.quotaForAll(map, 50)), Map.of());
        assertThat(fx.organizer.post("/api/events/" + ev.eventId() + "/authorizations",
                Map.of("sellerId", channel, "quotas", CenterFixture.quotaForAll(map, 20))).status()).isEqualTo(201);
        Member c = member("c");
        long first = c.client().post("/api/me/holds", Map.of("eventId", ev.eventId(),
                "bestAvailable", Map.of("count", 2, "categoryId", category))).get("id").asLong();
        assertThat(c.client().post("/api/me/holds", Map.of("eventId", ev.eventId(),
                "bestAvailable", Map.of("count", 1, "categoryId", category))).status()).isEqualTo(201);
        Response third = c.client().post("/api/me/holds", Map.of("eventId", ev.eventId(),
                "bestAvailable", Map.of("count", 1, "categoryId", category)));
        assertThat(third.status()).as(third.body()).isEqualTo(409);
        assertThat(third.get("type").asText()).endsWith("too-many-holds");
        assertThat(c.client().delete("/api/me/holds/" + first).status()).isEqualTo(204);
        assertThat(c.client().delete("/api/me/holds/" + first).status()).isEqualTo(409);
        assertThat(c.client().get("/api/me/holds").json()).hasSize(1);
        assertThat(seller.client().delete("/api/holds/" + first).status()).as("not the seller's hold").isEqualTo(404);
    }

    /** Issue 18: at home too, two seats and three standing places in one hold and one purchase for the member's card. */
    @Test
    void aMemberBuysSeatsAndStandingPlacesInOneBasketAtHome() {
        var map = CenterFixture.theatreWithStanding(20);
        String stalls = "stalls";
        EventSetup ev = fx.publishedEvent(map, Map.of(seller, CenterFixture.quotaForAll(map, 50)), Map.of(),
                Map.of(CenterFixture.STANDING_CATEGORY, 4_000L, stalls, 5_000L));
        assertThat(fx.organizer.post("/api/events/" + ev.eventId() + "/authorizations",
                Map.of("sellerId", channel, "quotas", CenterFixture.quotaForAll(map, 20))).status()).isEqualTo(201);
        Member d = member("d");
        List<String> seats = List.of(seatOf(map, stalls, 0), seatOf(map, stalls, 1));

        Response tooMany = d.client().post("/api/me/holds", Map.of("eventId", ev.eventId(), "seatIds", seats,
                "areas", Map.of(CenterFixture.STANDING, 9)));
        assertThat(tooMany.status()).as(tooMany.body()).isEqualTo(400);
        assertThat(tooMany.get("detail").asText()).contains("at most 10 seats and standing places");
        Response hold = d.client().post("/api/me/holds", Map.of("eventId", ev.eventId(), "seatIds", seats,
                "areas", Map.of(CenterFixture.STANDING, 3)));
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        assertThat(hold.get("areas").get(CenterFixture.STANDING).asInt()).isEqualTo(3);
        JsonNode area = seller.client().get("/api/events/" + ev.eventId() + "/areas").json().get(0);
        assertThat(area.get("held").asInt()).isEqualTo(3);

        Response sale = d.client().post("/api/me/purchases", Map.of("holdId", hold.get("id").asLong(),
                "chipId", d.chipId(), "paymentReference", "PAY-GA", "attendees",
                List.of("Dana Doi", "Eri Endo", "Fumi Fujii", "Goro Goto", "Hana Hara")));
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        assertThat(sale.get("totalMinor").asLong()).isEqualTo(2 * 5_000 + 3 * 4_000);
        assertThat(sale.get("tickets")).hasSize(5);
        int standing = 0;
        for (JsonNode t : sale.get("tickets")) {
            assertThat(t.get("holderChipId").asText()).isEqualTo(d.chipId());
            if (t.get("generalAdmission").asBoolean()) {
                standing++;
                assertThat(t.get("seatId").asText()).isEqualTo(CenterFixture.STANDING);
            }
        }
        assertThat(standing).isEqualTo(3);
        area = seller.client().get("/api/events/" + ev.eventId() + "/areas").json().get(0);
        assertThat(area.get("held").asInt()).isZero();
        assertThat(area.get("sold").asInt()).isEqualTo(3);
        assertThat(area.get("remaining").asInt()).isEqualTo(17);
        assertThat(d.client().get("/api/me/tickets").json().findValuesAsText("state")).hasSize(5).containsOnly("VALID");
    }

    private static JsonNode find(JsonNode onSale, long eventId) {
        for (JsonNode e : onSale) {
            if (e.get("event").get("id").asLong() == eventId) {
                return e;
            }
        }
        return null;
    }

    private static String seatOf(dev.tessera.core.seatmap.SeatMap map, String category, int index) {
        return map.seats().stream().filter(s -> s.categoryId().equals(category)).map(Seat::id).toList().get(index);
    }

    private Member member(String name) {
        String login = CenterFixture.unique("home-" + name);
        String password = "home-password-" + name + RANDOM.nextInt(1_000_000);
        Response created = seller.client().post("/api/members", Map.of("loginId", login, "password", password,
                "displayName", "Member " + name.toUpperCase(java.util.Locale.ROOT)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.get("accountId").asLong();
        byte[] id8 = new byte[8];
        RANDOM.nextBytes(id8);
        String chipId = HexFormat.of().formatHex(id8);
        ChipKeys keys = ChipKeys.generate(RANDOM);
        Response chip = seller.client().post("/api/chips", Map.of("chipId", chipId,
                "publicKey", HexFormat.of().formatHex(keys.publicKeySec1()), "memberId", id));
        assertThat(chip.status()).as(chip.body()).isEqualTo(201);
        return new Member(id, fx.anonymous.login(login, password), chipId);
    }
}
