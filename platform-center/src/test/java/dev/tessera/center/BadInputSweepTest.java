package dev.tessera.center;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tessera.center.support.ApiClient;
import dev.tessera.center.support.ApiClient.Response;
import dev.tessera.center.support.CenterFixture;
import dev.tessera.center.support.CenterFixture.Account;
import dev.tessera.center.support.CenterFixture.EventSetup;
import dev.tessera.core.crypto.ChipKeys;
import dev.tessera.core.crypto.IssuerKeyPair;
import dev.tessera.core.model.LedgerEntry;
import dev.tessera.core.model.LedgerKind;
import dev.tessera.core.model.Role;
import dev.tessera.core.seatmap.SampleVenues;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every JSON endpoint, fed a valid body with each field in turn removed, nulled or replaced by a
 * value of the wrong type or size: the center answers 2xx or a 4xx problem document, never a 5xx.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputSweepTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<JsonNode> WEIRD = List.of(F.nullNode(), F.textNode(""), F.numberNode(-1),
            F.numberNode(0), F.numberNode(Long.MAX_VALUE), F.numberNode(1e300), F.textNode("x".repeat(5_000)),
            F.arrayNode(), F.arrayNode().add(F.nullNode()), F.objectNode(), F.booleanNode(true), F.textNode("ü\u0000"));

    @TempDir
    static Path dir;

    CenterFixture fx;

    @BeforeAll
    void start() {
        fx = new CenterFixture(CenterConfig.h2FileUrl(dir.resolve("sweep")), "tessera");
    }

    @AfterAll
    void stop() {
        fx.closeCheckingTheLedger();
    }

    @Test
    void noBodyMutationOfAnyEndpointCausesAServerError() throws Exception {
        Account seller = fx.account(Role.SELLER);
        Account gate = fx.account(Role.GATE);
        var map = SampleVenues.theatre();
        EventSetup ev = fx.publishedTheatreEvent(Map.of(seller, CenterFixture.quotaForAll(map, 1000)), Map.of());
        String category = map.categories().getFirst().id();
        String chipId = "0011223344556677";
        ChipKeys keys = ChipKeys.generate(new SecureRandom());
        Response member = seller.client().post("/api/members", Map.of("loginId", "sweep-member", "password",
                "member-password", "displayName", "Sweep"));
        long memberId = member.get("accountId").asLong();
        seller.client().post("/api/chips", Map.of("chipId", chipId, "publicKey",
                HexFormat.of().formatHex(keys.publicKeySec1()), "memberId", memberId));
        ApiClient memberClient = fx.anonymous.login("sweep-member", "member-password");
        Response hold = seller.client().post("/api/events/" + ev.eventId() + "/holds",
                Map.of("bestAvailable", Map.of("count", 2, "categoryId", category)));
        Response sale = seller.client().post("/api/sales", Map.of("holdId", hold.get("id").asLong(),
                "customer", dev.tessera.center.support.MemberCards.provenCustomer(seller.client(), chipId, keys), "payment", Map.of("method", "CARD")));
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        String ticketId = sale.get("tickets").get(0).get("ticketId").asText();
        String encoded = sale.get("tickets").get(0).get("encoded").asText();
        IssuerKeyPair terminalKey = IssuerKeyPair.generate(new SecureRandom());
        assertThat(seller.client().post("/api/terminals", Map.of("terminalId", "sweep-till", "publicKey",
                HexFormat.of().formatHex(terminalKey.publicKey().encoded()))).status()).isEqualTo(201);
        LedgerEntry first = LedgerEntry.first("sweep-till", LedgerKind.SHIFT, java.time.Instant.now(),
                "{\"type\":\"OFFLINE_SALE\",\"eventId\":" + ev.eventId() + ",\"tickets\":[\"AAAA\"]}");

        record Target(ApiClient client, String path, Object body) {}
        List<Target> targets = List.of(
                new Target(fx.anonymous, "/api/sessions", Map.of("loginId", "nobody", "password", "x")),
                new Target(fx.organizer, "/api/accounts", Map.of("loginId", "sweep-x", "password", "long-enough",
                        "role", "SELLER", "displayName", "X")),
                new Target(fx.organizer, "/api/venues", Map.of("name", "V", "address", "A")),
                new Target(fx.organizer, "/api/events", Map.ofEntries(Map.entry("name", "E"), Map.entry("servicer", "S"),
                        Map.entry("venueId", ev.event().get("venueId").asLong()), Map.entry("seatMapVersion", 1),
                        Map.entry("doorsOpen", "2030-01-01T18:00:00Z"), Map.entry("startsAt", "2030-01-01T19:00:00Z"),
                        Map.entry("endsAt", "2030-01-01T22:00:00Z"), Map.entry("currency", "JPY"),
                        Map.entry("pricesMinor", ev.event().get("pricesMinor")), Map.entry("gates", List.of("north")),
                        Map.entry("contact", "c"))),
                new Target(fx.organizer, "/api/events/" + ev.eventId() + "/authorizations",
                        Map.of("sellerId", seller.id(), "quotas", Map.of(category, 1000), "seatIds", List.of())),
                new Target(seller.client(), "/api/events/" + ev.eventId() + "/holds",
                        Map.of("bestAvailable", Map.of("count", 1, "categoryId", category))),
                new Target(seller.client(), "/api/sales", Map.of("holdId", 1, "customer", Map.of("auth", "WALK_IN"),
                        "payment", Map.of("method", "CASH", "tenderedMinor", 100_000), "attendees", List.of("A"))),
                new Target(seller.client(), "/api/members", Map.of("loginId", "sweep-m2", "password", "long-enough",
                        "displayName", "M")),
                new Target(seller.client(), "/api/chips", Map.of("chipId", "8899aabbccddeeff", "publicKey",
                        HexFormat.of().formatHex(keys.publicKeySec1()), "memberId", memberId)),
                new Target(memberClient, "/api/transfers", Map.of("ticketId", ticketId, "toChipId", chipId,
                        "transferPassword", "secret-1")),
                new Target(memberClient, "/api/transfers/1/accept", Map.of("transferPassword", "secret-1")),
                new Target(gate.client(), "/api/gate/scans", Map.of("eventId", ev.eventId(), "gateId", "north",
                        "ticket", encoded, "chipId", chipId)),
                new Target(seller.client(), "/api/terminals", Map.of("terminalId", "sweep-till", "publicKey",
                        HexFormat.of().formatHex(terminalKey.publicKey().encoded()))),
                new Target(seller.client(), "/api/terminals/sweep-till/journal", Map.of("entries", List.of(Map.of(
                        "sequence", first.sequence(), "kind", first.kind().name(), "at", first.at().toString(),
                        "payload", first.payload(), "previousHash", HexFormat.of().formatHex(first.previousHash()),
                        "hash", HexFormat.of().formatHex(first.hash()))))),
                new Target(seller.client(), "/api/tickets/" + sale.get("tickets").get(1).get("ticketId").asText() + "/void",
                        Map.of("reason", "sweep", "refund", false)));
        List<String> serverErrors = new ArrayList<>();
        int requests = 0;
        for (Target t : targets) {
            JsonNode valid = ApiClient.JSON.valueToTree(t.body());
            for (JsonNode variant : variants(valid)) {
                Response r = t.client().post(t.path(), ApiClient.JSON.writeValueAsString(variant));
                requests++;
                if (r.status() >= 500 || (r.status() >= 400 && !r.contentType().startsWith("application/problem+json"))) {
                    serverErrors.add(r.status() + " " + t.path() + " " + variant + " -> " + r.body());
                }
            }
        }
        assertThat(serverErrors).isEmpty();
        assertThat(requests).isGreaterThan(500);
    }

    /** The body with each field (one level deep) removed and replaced by every weird value. */
    private static List<JsonNode> variants(JsonNode valid) {
        List<JsonNode> out = new ArrayList<>(List.of(valid, F.objectNode(), F.arrayNode(), F.textNode("x")));
        if (valid instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(field -> {
                ObjectNode without = object.deepCopy();
                without.remove(field);
                out.add(without);
                for (JsonNode weird : WEIRD) {
                    ObjectNode replaced = object.deepCopy();
                    replaced.set(field, weird);
                    out.add(replaced);
                }
                if (object.get(field) instanceof ObjectNode inner) {
                    inner.fieldNames().forEachRemaining(innerField -> {
                        for (JsonNode weird : WEIRD) {
                            ObjectNode replaced = object.deepCopy();
                            ((ObjectNode) replaced.get(field)).set(innerField, weird);
                            out.add(replaced);
                        }
                    });
                }
            });
        }
        return out;
    }
}
