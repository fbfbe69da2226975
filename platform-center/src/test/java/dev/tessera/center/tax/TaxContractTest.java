package dev.tessera.center.tax;

import static dev.tessera.center.support.CenterFixture.STANDING;
import static dev.tessera.center.support.CenterFixture.STANDING_CATEGORY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tessera.center.support.ApiClient.Response;
import dev.tessera.center.support.CenterFixture;
import dev.tessera.center.support.CenterFixture.Account;
import dev.tessera.center.support.CenterFixture.EventSetup;
import dev.tessera.core.model.Role;
import dev.tessera.core.seatmap.Seat;
import dev.tessera.core.seatmap.SeatMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 17: tax rates per price category and event, set by the organizer, kept with each sale line, and the sales log's
 * net, tax and gross per rate (each receipt's tax rounded once) after sales, a void and a refund. H2 file and
 * PostgreSQL subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TaxContractTest {
    private static final String REGISTRATION = "T1234567890123";

    CenterFixture fx;

    abstract String jdbcUrl();

    abstract String dbUser();

    @BeforeAll
    void startCenter() {
        fx = new CenterFixture(jdbcUrl(), dbUser());
    }

    @AfterAll
    void stopCenter() {
        if (fx != null) {
            fx.closeCheckingTheLedger();
        }
    }

    private String taxPath(EventSetup ev) {
        return "/api/events/" + ev.eventId() + "/tax";
    }

    @Test
    void aYenEventStartsFromJapansStandingRateForSeatsAndStandingAlikeWithTheServicerAsIssuer() {
        SeatMap map = CenterFixture.theatreWithStanding(10);
        Account seller = fx.account(Role.SELLER);
        EventSetup ev = fx.publishedEvent(map, Map.of(seller, CenterFixture.quotaForAll(map, 5)), Map.of(), Map.of());

        Response tax = seller.client().get(taxPath(ev));

        assertThat(tax.status()).as(tax.body()).isEqualTo(200);
        assertThat(tax.get("country").asText()).isEqualTo("JP");
        assertThat(tax.get("qualifiedInvoice").asBoolean()).isTrue();
        assertThat(tax.get("issuerName").asText()).isEqualTo("Tessera Players");
        assertThat(tax.get("registrationNumber").isNull()).isTrue();
        assertThat(rates(tax)).containsEntry(STANDING_CATEGORY, 1000).hasSize(map.categories().size())
                .allSatisfy((category, rate) -> assertThat(rate).isEqualTo(1000));
    }

    @Test
    void theOrganizerSetsRatesAndTheRegistrationNumberAndBadOnesAreRefusedInWords() {
        SeatMap map = CenterFixture.theatreWithStanding(10);
        EventSetup ev = fx.publishedEvent(map, Map.of(), Map.of(), Map.of());

        Response badNumber = fx.organizer.post(taxPath(ev), Map.of("registrationNumber", "T12345"));
        Response badCategory = fx.organizer.post(taxPath(ev), Map.of("rates",
                List.of(Map.of("categoryId", "nope", "rateBasisPoints", 800))));
        Response badRate = fx.organizer.post(taxPath(ev), Map.of("rates",
                List.of(Map.of("categoryId", STANDING_CATEGORY, "rateBasisPoints", 9_000))));
        Response france = fx.organizer.post(taxPath(ev), Map.of("country", "FR", "issuerName", "Tessera SARL",
                "registrationNumber", "FR12345678901", "rates",
                List.of(Map.of("categoryId", STANDING_CATEGORY, "rateBasisPoints", 550))));

        assertThat(badNumber.status()).isEqualTo(400);
        assertThat(badNumber.body()).contains("T and 13 digits");
        assertThat(badCategory.status()).isEqualTo(400);
        assertThat(badRate.status()).isEqualTo(400);
        assertThat(france.status()).as(france.body()).isEqualTo(200);
        assertThat(france.get("qualifiedInvoice").asBoolean()).isFalse();
        assertThat(france.get("registrationNumber").asText()).isEqualTo("FR12345678901");
        assertThat(rates(france)).containsEntry(STANDING_CATEGORY, 550).containsEntry("stalls", 2000);
        assertThat(rates(fx.organizer.get(taxPath(ev)))).isEqualTo(rates(france));
    }

    @Test
    void theSalesLogShowsNetTaxAndGrossPerRateAfterSalesAVoidAndARefundWithOneRoundingPerReceipt() {
        SeatMap map = CenterFixture.theatreWithStanding(10);
        Account seller = fx.account(Role.SELLER);
        Account manager = fx.account(Role.MANAGER);
        EventSetup ev = fx.publishedEvent(map, Map.of(seller, CenterFixture.quotaForAll(map, 20)), Map.of(),
                Map.of("stalls", 1_005L, STANDING_CATEGORY, 1_500L));
        Response set = fx.organizer.post(taxPath(ev), Map.of("country", "JP", "issuerName", "Tessera KK",
                "registrationNumber", REGISTRATION,
                "rates", List.of(Map.of("categoryId", STANDING_CATEGORY, "rateBasisPoints", 800))));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        List<String> stalls = map.seats().stream().filter(s -> s.categoryId().equals("stalls") && s.flags().isEmpty())
                .limit(6).map(Seat::id).toList();

        // A: three ¥1,005 seats at 10 % and two ¥1,500 standing places at 8 %, one receipt with two rates
        JsonNode a = sell(seller, ev, stalls.subList(0, 3), 2);
        JsonNode b = sell(seller, ev, stalls.subList(3, 5), 0);
        Response voided = seller.client().post("/api/tickets/" + ticketOf(b, false) + "/void",
                Map.of("reason", "printed twice", "refund", false));
        Response refunded = seller.client().post("/api/tickets/" + ticketOf(a, false) + "/void",
                Map.of("reason", "customer ill", "refund", true));
        assertThat(voided.status()).as(voided.body()).isEqualTo(200);
        assertThat(refunded.status()).as(refunded.body()).isEqualTo(200);
        // a later change of the rate never alters the sales made before it
        Response raised = fx.organizer.post(taxPath(ev), Map.of("rates",
                List.of(Map.of("categoryId", "stalls", "rateBasisPoints", 2000))));
        assertThat(raised.status()).as(raised.body()).isEqualTo(200);
        sell(seller, ev, stalls.subList(5, 6), 0);

        Response log = manager.client().get("/api/sales-log?eventId=" + ev.eventId());
        assertThat(log.status()).as(log.body()).isEqualTo(200);
        Map<Integer, Integer> linesPerRate = new HashMap<>();
        log.get("lines").forEach(l -> linesPerRate.merge(l.get("taxRateBasisPoints").asInt(), 1, Integer::sum));
        assertThat(linesPerRate).containsEntry(1000, 5).containsEntry(800, 2).containsEntry(2000, 1);

        JsonNode byRate = log.get("byRate");
        assertThat(byRate).hasSize(3);
        // 10 %: receipt A ¥3,015 → tax 274 (per line it would be 3 × 91 = 273), receipt B ¥2,010 → 183;
        // the refund's credit note ¥1,005 → 91. Gross 5,025 − 1,005 = 4,020, tax 274 + 183 − 91 = 366
        assertRate(byRate.get(0), 2000, 1_005, 0, 168);
        assertRate(byRate.get(1), 1000, 5_025, 1_005, 366);
        assertRate(byRate.get(2), 800, 3_000, 0, 222);
        long gross = 0;
        for (JsonNode rate : byRate) {
            assertThat(rate.get("netMinor").asLong() + rate.get("taxMinor").asLong())
                    .isEqualTo(rate.get("grossMinor").asLong());
            gross += rate.get("grossMinor").asLong();
        }
        long refunds = 0;
        for (JsonNode line : log.get("lines")) {
            refunds += line.get("refundMinor").asLong();
        }
        assertThat(gross).isEqualTo(log.get("totalMinor").asLong() - refunds);
    }

    private static void assertRate(JsonNode rate, int basisPoints, long sales, long refunds, long tax) {
        assertThat(rate.get("rateBasisPoints").asInt()).isEqualTo(basisPoints);
        assertThat(rate.get("currency").asText()).isEqualTo("JPY");
        assertThat(rate.get("salesMinor").asLong()).isEqualTo(sales);
        assertThat(rate.get("refundsMinor").asLong()).isEqualTo(refunds);
        assertThat(rate.get("grossMinor").asLong()).isEqualTo(sales - refunds);
        assertThat(rate.get("taxMinor").asLong()).isEqualTo(tax);
        assertThat(rate.get("netMinor").asLong()).isEqualTo(sales - refunds - tax);
    }

    private static JsonNode sell(Account seller, EventSetup ev, List<String> seats, int standing) {
        Map<String, Object> request = standing == 0 ? Map.of("seatIds", seats)
                : Map.of("seatIds", seats, "areas", Map.of(STANDING, standing));
        Response hold = seller.client().post("/api/events/" + ev.eventId() + "/holds", request);
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        Response sale = seller.client().post("/api/sales", Map.of("holdId", hold.get("id").asLong(),
                "customer", Map.of("auth", "WALK_IN"), "payment", Map.of("method", "CASH")));
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        return sale.json();
    }

    private static String ticketOf(JsonNode sale, boolean standing) {
        for (JsonNode t : sale.get("tickets")) {
            if (t.get("generalAdmission").asBoolean() == standing) {
                return t.get("ticketId").asText();
            }
        }
        throw new AssertionError("no " + (standing ? "standing" : "seated") + " ticket in " + sale);
    }

    private static Map<String, Integer> rates(Response tax) {
        Map<String, Integer> rates = new HashMap<>();
        tax.get("rates").forEach(r -> rates.put(r.get("categoryId").asText(), r.get("rateBasisPoints").asInt()));
        return rates;
    }
}
