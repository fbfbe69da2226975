package dev.tessera.center.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tessera.center.chipkeys.ChipCards;
import dev.tessera.center.http.CenterRole;
import dev.tessera.center.support.ApiClient;
import dev.tessera.center.support.ApiClient.Response;
import dev.tessera.center.support.CenterFixture;
import dev.tessera.core.crypto.ChipKeys;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keys stay at the center (docs/card-protocol.md §7): every purpose × every role × entitled or not. Only the role
 * a purpose names, entitled by a row the center holds (seller A's sale on member A's chip, a transfer from A to B
 * that B accepted, a card seller A is issuing, member A's own chip, a chip holding the event's ticket, a lost card's
 * tickets seller A moved to a new card), gets a session; everyone
 * else gets a 403 problem document without any key material, and every call leaves an audit row.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChipSessionMatrixTest {
    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    static Path dir;

    private CenterWorld world;
    private String issuing;
    private long acceptedTransfer;
    private String replacement;

    enum Purpose { SALE, TRANSFER, MEMBERSHIP, DELIVERY, GATE, REPLACEMENT }

    @BeforeAll
    void start() {
        world = new CenterWorld(dir);
        Response personalized = world.sellerA.client().post("/api/chip-personalizations", Map.of("memberId", world.memberC.id()));
        assertThat(personalized.status()).as(personalized.body()).isEqualTo(201);
        issuing = personalized.get("chipId").asText();
        // a transfer entitles once accepted (a pending one has no copy to write yet); member A's pending transfer
        // of the world stays pending for the other security tests
        String ticket = world.sellTo(world.memberA, 1).get("tickets").get(0).get("ticketId").asText();
        acceptedTransfer = world.completedTransfer(world.memberA, world.memberB, ticket);
        replacement = replacementCard();
    }

    @AfterAll
    void stop() {
        world.close();
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Purpose purpose : Purpose.values()) {
            for (CenterRole role : CenterRole.values()) {
                cases.add(Arguments.of(purpose, role, true));
                cases.add(Arguments.of(purpose, role, false));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}, entitled {2}")
    @MethodSource("matrix")
    void onlyTheEntitledRoleGetsASessionAndNobodyGetsAStaticKey(Purpose purpose, CenterRole role, boolean entitled) {
        String chipId = chip(purpose, entitled);
        Long saleId = purpose == Purpose.SALE ? world.saleA : null;
        Long transferId = purpose == Purpose.TRANSFER ? (entitled ? acceptedTransfer : world.transferId) : null;
        Long eventId = purpose == Purpose.GATE ? world.event.eventId() : null;
        String keyRef = purpose == Purpose.GATE ? "GATE" : "ACCESS";
        byte[] staticKey = purpose == Purpose.GATE ? ChipCards.eventGateKey(world.fx.center, chipId, eventId)
                : ChipCards.staticKey(world.fx.center, false, chipId);
        ChipCards.Tap tap = ChipCards.tap(staticKey);
        int auditedBefore = uses(chipId).size();

        Response answer = client(role).post("/api/chip-sessions",
                ChipCards.request(chipId, keyRef, purpose.name(), saleId, transferId, eventId, tap));

        assertNoStaticKey(answer.body(), chipId);
        List<JsonNode> audited = uses(chipId);
        assertThat(audited).as("one audit row per call").hasSize(auditedBefore + 1);
        JsonNode row = audited.getFirst();
        assertThat(row.get("purpose").asText()).isEqualTo(purpose.name());
        assertThat(row.get("role").asText()).isEqualTo(role.name());
        assertThat(row.path("saleId").isNull() ? null : row.get("saleId").asLong()).isEqualTo(saleId);
        assertThat(row.path("transferId").isNull() ? null : row.get("transferId").asLong()).isEqualTo(transferId);
        if (entitled && role == needed(purpose)) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.get("sessionKey").asText()).isEqualTo(HEX.formatHex(tap.sessionKey(staticKey)));
            assertThat(answer.get("hostCryptogram").asText()).isEqualTo(HEX.formatHex(tap.hostCryptogram(staticKey)));
            assertThat(answer.get("useId").asLong()).isEqualTo(row.get("id").asLong());
            assertThat(row.get("outcome").asText()).isEqualTo("GRANTED");
            if (purpose == Purpose.GATE) {
                assertThat(answer.get("allowed").toString()).doesNotContain("WRITE", "DELETE", "LOCK");
            }
        } else {
            assertThat(answer.status()).as(answer.body()).isEqualTo(403);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().has("sessionKey")).isFalse();
            assertThat(answer.json().has("hostCryptogram")).isFalse();
            assertThat(answer.body()).doesNotContain(HEX.formatHex(tap.sessionKey(staticKey)))
                    .doesNotContain(HEX.formatHex(tap.hostCryptogram(staticKey)));
            assertThat(row.get("outcome").asText()).isEqualTo("REFUSED");
            assertThat(row.get("reason").asText()).isNotBlank();
        }
    }

    @Test
    void aSellerWithoutTheSaleGetsNoSessionForTheChipTheSaleWentTo() {
        String chipId = world.memberA.chipId();
        byte[] access = ChipCards.staticKey(world.fx.center, false, chipId);
        Response answer = world.sellerB.client().post("/api/chip-sessions", ChipCards.request(chipId, "ACCESS", "SALE",
                world.saleA, null, null, ChipCards.tap(access)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(403);
        assertThat(answer.json().has("sessionKey")).isFalse();
        JsonNode row = uses(chipId).getFirst();
        assertThat(row.get("accountId").asLong()).isEqualTo(world.sellerB.id());
        assertThat(row.get("outcome").asText()).isEqualTo("REFUSED");
        assertThat(row.get("saleId").asLong()).isEqualTo(world.saleA);
        // a gate of the event may not use its session to ask for the access key's session
        Response gateAccess = world.gate.client().post("/api/chip-sessions", ChipCards.request(chipId, "ACCESS", "GATE",
                null, null, world.event.eventId(), ChipCards.tap(access)));
        assertThat(gateAccess.status()).as(gateAccess.body()).isEqualTo(403);
        assertNoStaticKey(gateAccess.body(), chipId);
    }

    /**
     * Every GET the center documents, as every role, over the world's data: no answer holds a chip's static access
     * key, and only an event's gate package holds gate keys (those of its own event's chips).
     */
    @Test
    void noHttpAnswerCarriesAStaticChipKey() {
        List<String> chips = List.of(world.memberA.chipId(), world.memberB.chipId(), world.memberC.chipId(), issuing);
        int answers = 0;
        for (CenterRouteCase c : gets()) {
            Response r = c.client().get(c.path());
            answers++;
            String body = r.body().toLowerCase(Locale.ROOT);
            for (String chip : chips) {
                assertThat(body).as(c + " holds the access key of " + chip)
                        .doesNotContain(HEX.formatHex(ChipCards.staticKey(world.fx.center, false, chip)));
                // a gate package holds per-event keys only (card-protocol §7), never a chip's gate key
                assertThat(body).as(c + " holds the gate key of " + chip)
                        .doesNotContain(HEX.formatHex(ChipCards.staticKey(world.fx.center, true, chip)));
            }
        }
        assertThat(answers).isGreaterThan(50);
    }

    private record CenterRouteCase(String path, CenterRole role, ApiClient client) {
        @Override
        public String toString() {
            return "GET " + path + " as " + role;
        }
    }

    private List<CenterRouteCase> gets() {
        List<CenterRouteCase> cases = new ArrayList<>();
        Map<String, String> params = world.pathParams();
        for (CenterRoutes.Route route : CenterRoutes.documented()) {
            if (!route.method().equals("GET") || route.stream()) {
                continue;
            }
            for (CenterRole role : CenterRole.values()) {
                cases.add(new CenterRouteCase(route.concrete(params), role, client(role)));
            }
        }
        return cases;
    }

    private String chip(Purpose purpose, boolean entitled) {
        return switch (purpose) {
            case SALE, GATE -> entitled ? world.memberA.chipId() : world.memberC.chipId();
            case TRANSFER -> entitled ? world.memberB.chipId() : world.memberC.chipId();
            case MEMBERSHIP -> entitled ? issuing : world.memberA.chipId();
            case DELIVERY -> entitled ? world.memberA.chipId() : world.memberB.chipId();
            case REPLACEMENT -> entitled ? replacement : world.memberB.chipId();
        };
    }

    /**
     * Member D's card, reported lost, its tickets moved by seller A to D's new card: the new card's chip id (seller A
     * is entitled to REPLACEMENT sessions on it for 15 minutes).
     */
    private String replacementCard() {
        ApiClient clerk = world.sellerA.client();
        String login = CenterFixture.unique("member-d");
        Response member = clerk.post("/api/members", Map.of("loginId", login,
                "password", "member-password-d", "displayName", "Member D"));
        assertThat(member.status()).as(member.body()).isEqualTo(201);
        long memberD = member.get("accountId").asLong();
        String lost = "0d0d0d0d0d0d0d0d";
        String replacement = "0f0f0f0f0f0f0f0f";
        for (String chip : List.of(lost, replacement)) {
            Response registered = clerk.post("/api/chips", Map.of("chipId", chip,
                    "publicKey", HEX.formatHex(ChipKeys.generate(new SecureRandom()).publicKeySec1()), "memberId", memberD));
            assertThat(registered.status()).as(registered.body()).isEqualTo(201);
            if (chip.equals(lost)) {
                Response sale = clerk.post("/api/sales", Map.of("holdId", world.hold(world.sellerA, 1),
                        "customer", Map.of("auth", "MEMBER_PASSWORD", "memberLogin", login,
                                "memberPassword", "member-password-d", "chipId", lost),
                        "payment", Map.of("method", "CARD")));
                assertThat(sale.status()).as(sale.body()).isEqualTo(201);
                Response blocked = clerk.post("/api/chips/" + lost + "/block", Map.of("reason", "lost"));
                assertThat(blocked.status()).as(blocked.body()).isEqualTo(200);
            }
        }
        Response moved = clerk.post("/api/chips/" + lost + "/replacement", Map.of("toChipId", replacement));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        return replacement;
    }

    private static CenterRole needed(Purpose purpose) {
        return switch (purpose) {
            case SALE, TRANSFER, MEMBERSHIP, REPLACEMENT -> CenterRole.SELLER;
            case DELIVERY -> CenterRole.MEMBER;
            case GATE -> CenterRole.GATE;
        };
    }

    private ApiClient client(CenterRole role) {
        return switch (role) {
            case ORGANIZER -> world.fx.organizer;
            case SELLER -> world.sellerA.client();
            case MANAGER -> world.manager.client();
            case GATE -> world.gate.client();
            case MEMBER -> world.memberA.client();
        };
    }

    private List<JsonNode> uses(String chipId) {
        Response r = world.manager.client().get("/api/chips/" + chipId + "/key-uses");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<JsonNode> rows = new ArrayList<>();
        r.json().forEach(rows::add);
        return rows;
    }

    private void assertNoStaticKey(String body, String chipId) {
        String lower = body.toLowerCase(Locale.ROOT);
        assertThat(lower).doesNotContain(HEX.formatHex(ChipCards.staticKey(world.fx.center, false, chipId)))
                .doesNotContain(HEX.formatHex(ChipCards.staticKey(world.fx.center, true, chipId)));
    }
}
