package dev.tessera.center;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.center.account.AccountService;
import dev.tessera.center.support.ApiClient;
import dev.tessera.center.support.ApiClient.Response;
import dev.tessera.center.support.CenterFixture;
import dev.tessera.center.support.CenterFixture.Account;
import dev.tessera.center.support.CenterFixture.EventSetup;
import dev.tessera.core.model.Role;
import dev.tessera.core.seatmap.SampleVenues;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** RFC 9110 headers and strict JSON types, on every route alike. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpRulesTest {
    private CenterFixture fx;
    private HttpClient http;

    @BeforeAll
    void start(@TempDir Path dir) {
        fx = new CenterFixture(CenterConfig.h2FileUrl(dir.resolve("center")), "tessera");
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    void stop() {
        http.shutdownNow();
        fx.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(fx.center.baseUri() + path);
    }

    @Test
    void unauthorizedAnswersNameTheBearerScheme() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/events")).GET());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"tessera\"");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void aLockedOutLoginIsToldWhenToTryAgain() throws Exception {
        Account seller = fx.account(Role.SELLER);
        String wrong = "{\"loginId\":\"" + seller.loginId() + "\",\"password\":\"not-the-password\"}";
        HttpResponse<String> response = null;
        for (int i = 0; i <= AccountService.MAX_FAILED_LOGINS; i++) {
            response = send(HttpRequest.newBuilder(uri("/api/sessions")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(wrong)));
        }
        assertThat(response.statusCode()).isEqualTo(429);
        long seconds = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
        assertThat(seconds).isBetween(1L, 5 * 60L);
    }

    @Test
    void aWrongMethodIs405WithTheMethodsThePathTakes() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/events"))
                .header("Authorization", "Bearer " + fx.organizer.token())
                .PUT(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow").orElseThrow()).contains("GET").contains("POST");
        assertThat(response.body()).contains("method-not-allowed");
        assertThat(send(HttpRequest.newBuilder(uri("/api/no-such-thing")).GET()).statusCode()).isEqualTo(404);
    }

    @Test
    void aBodyOverTheLimitIsRefusedOnEveryRouteAndInEveryTransferEncoding() throws Exception {
        long tenMegabytes = 10L * 1024 * 1024;
        HttpResponse<String> declared = send(HttpRequest.newBuilder(uri("/api/sessions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[(int) tenMegabytes])));
        assertThat(declared.statusCode()).as("unauthenticated, with Content-Length").isEqualTo(413);
        assertThat(declared.body()).contains("too-large");

        HttpResponse<String> chunked = send(HttpRequest.newBuilder(uri("/api/sessions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.InputStream() {
                    private long left = tenMegabytes;

                    @Override
                    public int read() {
                        return left-- > 0 ? ' ' : -1;
                    }
                })));
        assertThat(chunked.statusCode()).as("unauthenticated, chunked").isEqualTo(413);
        assertThat(chunked.body()).contains("too-large");

        Account seller = fx.account(Role.SELLER);
        String small = "{\"seatIds\":[\"" + "x".repeat(70_000) + "\"]}";
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(uri("/api/events/1/holds"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + seller.client().token())
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(small.getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
        assertThat(signedIn.statusCode()).as("signed in, chunked, just over 64 KiB").isEqualTo(413);
    }

    @Test
    void numbersStringsAndMoneyKeepTheirTypes() {
        Account seller = fx.account(Role.SELLER);
        EventSetup ev = fx.publishedTheatreEvent(Map.of(seller, CenterFixture.quotaForAll(SampleVenues.theatre(), 4)),
                Map.of());
        String category = ev.map().categories().getFirst().id();
        String hold = "/api/events/" + ev.eventId() + "/holds";

        assertThat(seller.client().postRaw(hold, "{\"bestAvailable\":{\"count\":\"2\",\"categoryId\":\"" + category
                + "\"}}").status()).as("a count in quotes").isEqualTo(400);
        assertThat(seller.client().postRaw(hold, "{\"bestAvailable\":{\"count\":1.5,\"categoryId\":\"" + category
                + "\"}}").status()).as("a fractional count").isEqualTo(400);
        assertThat(seller.client().postRaw(hold, "{\"bestAvailable\":{\"count\":2,\"categoryId\":7}}").status())
                .as("a number where a name belongs").isEqualTo(400);
        Response fraction = seller.client().postRaw(hold, "{\"bestAvailable\":{\"count\":1.5,\"categoryId\":\""
                + category + "\"}}");
        assertThat(fraction.get("type").asText()).endsWith("bad-request");
        assertThat(fraction.get("detail").asText()).as("the problem names the field").contains("count");
        Response enumByNumber = seller.client().postRaw("/api/sales",
                "{\"holdId\":1,\"customer\":{\"auth\":0},\"payment\":{\"method\":\"CASH\"}}");
        assertThat(enumByNumber.status()).as("an enum by its number: %s", enumByNumber.body()).isEqualTo(400);
        assertThat(enumByNumber.get("detail").asText()).contains("auth");
        assertThat(seller.client().postRaw("/api/sales",
                "{\"holdId\":1,\"customer\":{\"auth\":\"walk_in\"},\"payment\":{\"method\":\"CASH\"}}")
                .status()).as("an enum by another spelling of its name").isEqualTo(400);
        Response fine = seller.client().postRaw(hold, "{\"bestAvailable\":{\"count\":2,\"categoryId\":\"" + category
                + "\"}}");
        assertThat(fine.status()).as(fine.body()).isEqualTo(201);

        Map<String, Object> prices = new LinkedHashMap<>();
        ev.map().categories().forEach(c -> prices.put(c.id(), 5_000));
        Response registered = register(ev, prices);
        assertThat(registered.status()).as("whole minor units: %s", registered.body()).isEqualTo(201);
        prices.put(category, 1.5);
        assertThat(register(ev, prices).status()).as("a fractional price").isEqualTo(400);
        prices.put(category, "100");
        assertThat(register(ev, prices).status()).as("a price in quotes").isEqualTo(400);
        prices.put(category, 4_294_967_296L);
        Response tooDear = register(ev, prices);
        assertThat(tooDear.status()).as("a price a ticket cannot carry").isEqualTo(400);
        assertThat(tooDear.body()).contains("4294967295");
    }

    @Test
    void aFreshEventsSnapshotRevisionIsAValidSince() {
        Account seller = fx.account(Role.SELLER);
        EventSetup ev = fx.publishedTheatreEvent(Map.of(seller, CenterFixture.quotaForAll(SampleVenues.theatre(), 4)),
                Map.of());
        Response snapshot = seller.client().get("/api/events/" + ev.eventId() + "/seats");
        long revision = snapshot.get("revision").asLong();
        Response delta = seller.client().get("/api/events/" + ev.eventId() + "/seats?since=" + revision);
        assertThat(delta.status()).as(delta.body()).isEqualTo(200);
        assertThat(seller.client().get("/api/events/" + ev.eventId() + "/seats?since=-1").status()).isEqualTo(400);
    }

    private Response register(EventSetup ev, Map<String, Object> prices) {
        Instant doors = Instant.now().plusSeconds(86_400);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", CenterFixture.unique("Typed"));
        body.put("servicer", "Tessera Players");
        body.put("venueId", ev.event().get("venueId").asLong());
        body.put("seatMapVersion", ev.event().get("seatMapVersion").asInt());
        body.put("doorsOpen", doors.toString());
        body.put("startsAt", doors.plusSeconds(1800).toString());
        body.put("endsAt", doors.plusSeconds(14_400).toString());
        body.put("currency", "JPY");
        body.put("pricesMinor", prices);
        body.put("gates", ev.map().gates().stream().map(g -> g.id()).toList());
        body.put("contact", "info@example.com");
        return fx.organizer.post("/api/events", body);
    }
}
