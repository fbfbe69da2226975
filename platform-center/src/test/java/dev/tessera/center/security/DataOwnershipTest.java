package dev.tessera.center.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.center.support.ApiClient;
import dev.tessera.center.support.ApiClient.Response;
import dev.tessera.core.crypto.IssuerKeyPair;
import dev.tessera.core.model.LedgerEntry;
import dev.tessera.core.model.LedgerKind;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another seller's or another member's data: the role admits the route, the data is still not theirs. Each refusal
 * is a 404 (the data's existence is not confirmed either), and the data is unchanged afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataOwnershipTest {
    @TempDir
    static Path dir;

    private CenterWorld world;

    @BeforeAll
    void start() {
        world = new CenterWorld(dir);
    }

    @AfterAll
    void stop() {
        world.close();
    }

    @Test
    void sellerBCannotTouchSellerAsHoldsTicketsTerminalOrSales() {
        ApiClient b = world.sellerB.client();
        long hold = world.openHoldA;
        String ticket = world.ticketsA.get(1);

        assertNotFound(b.get("/api/holds/" + hold));
        assertNotFound(b.delete("/api/holds/" + hold));
        assertNotFound(b.post("/api/sales", Map.of("holdId", hold, "customer", Map.of("auth", "WALK_IN"),
                "payment", Map.of("method", "CASH", "tenderedMinor", 1_000_000))));
        assertThat(world.sellerA.client().get("/api/holds/" + hold).get("status").asText())
                .as("A's hold after B's attempts").isEqualTo("ACTIVE");

        assertNotFound(b.post("/api/tickets/" + ticket + "/void", Map.of("reason", "not mine", "refund", true)));
        Response lookup = b.get("/api/sales?ticketId=" + ticket);
        assertThat(lookup.status()).as("B looks up A's sale").isIn(200, 403, 404);
        assertThat(lookup.body()).doesNotContain(ticket);
        assertThat(b.get("/api/sales-log?sellerId=" + world.sellerA.id()).status()).isEqualTo(403);
        assertThat(b.get("/api/sales-log").body()).doesNotContain(ticket);
        assertThat(b.get("/api/sales-log/adjustments?sellerId=" + world.sellerA.id()).status()).isEqualTo(403);
        // issue 13: the log's events and sellers, and its pages, are a seller's own too
        assertThat(b.get("/api/sales-log/groups?sellerId=" + world.sellerA.id()).status()).isEqualTo(403);
        assertThat(b.get("/api/sales-log/groups").json().findValues("sellerId"))
                .allSatisfy(id -> assertThat(id.asLong()).isEqualTo(world.sellerB.id()));
        assertThat(b.get("/api/sales-log?limit=1").body()).doesNotContain(ticket);
        assertThat(b.get("/api/shifts?sellerId=" + world.sellerA.id()).status()).isEqualTo(403);
        assertThat(b.get("/api/shifts?sellerId=" + world.sellerB.id()).status()).as("B's own shifts").isEqualTo(200);

        assertNotFound(b.get("/api/terminals/" + world.terminalA));
        LedgerEntry first = LedgerEntry.first(world.terminalA, LedgerKind.SHIFT, Instant.now(),
                "{\"type\":\"OFFLINE_SALE\",\"eventId\":" + world.event.eventId() + ",\"tickets\":[]}");
        assertNotFound(b.post("/api/terminals/" + world.terminalA + "/journal", Map.of("entries", List.of(Map.of(
                "sequence", first.sequence(), "kind", first.kind().name(), "at", first.at().toString(),
                "payload", first.payload(), "previousHash", HexFormat.of().formatHex(first.previousHash()),
                "hash", HexFormat.of().formatHex(first.hash()))))));
        IssuerKeyPair otherKey = IssuerKeyPair.generate(new SecureRandom());
        Response takeover = b.post("/api/terminals", Map.of("terminalId", world.terminalA,
                "publicKey", HexFormat.of().formatHex(otherKey.publicKey().encoded())));
        assertThat(takeover.status()).as("B registers A's terminal id with its own key: " + takeover.body()).isEqualTo(409);
        assertThat(world.sellerA.client().get("/api/terminals/" + world.terminalA).get("publicKey").asText())
                .isEqualTo(HexFormat.of().formatHex(world.terminalKeyA.publicKey().encoded()));

        // the ticket B tried to void is still A's to void
        assertThat(world.sellerA.client().post("/api/tickets/" + ticket + "/void",
                Map.of("reason", "customer changed plans", "refund", true)).status()).isEqualTo(200);
    }

    @Test
    void aMemberCannotReadOrMoveAnotherMembersChipsTicketsOrTransfers() {
        ApiClient c = world.memberC.client();
        String chipA = world.memberA.chipId();

        assertNotFound(c.get("/api/chips/" + chipA + "/tickets"));
        // a session on another member's chip: refused (403, audited) before the card's answer is even looked at
        byte[] accessA = dev.tessera.center.chipkeys.ChipCards.staticKey(world.fx.center, false, chipA);
        Response session = c.post("/api/chip-sessions", dev.tessera.center.chipkeys.ChipCards.request(chipA, "ACCESS",
                "DELIVERY", null, null, null, dev.tessera.center.chipkeys.ChipCards.tap(accessA)));
        assertThat(session.status()).as(session.body()).isEqualTo(403);
        assertThat(session.json().has("sessionKey")).isFalse();
        assertThat(session.body()).doesNotContain(HexFormat.of().formatHex(accessA));
        assertThat(c.get("/api/me/chips").body()).contains(world.memberC.chipId()).doesNotContain(chipA);

        assertNotFound(c.get("/api/transfers/" + world.transferId));
        assertNotFound(c.post("/api/transfers/" + world.transferId + "/accept",
                Map.of("transferPassword", CenterWorld.TRANSFER_PASSWORD)));
        assertNotFound(c.post("/api/transfers", Map.of("ticketId", world.ticketsA.get(1),
                "toChipId", world.memberC.chipId(), "transferPassword", "stolen-ticket")));

        // both parties see the transfer; the assignee takes it with the password
        assertThat(world.memberA.client().get("/api/transfers/" + world.transferId).get("status").asText()).isEqualTo("PENDING");
        assertThat(world.memberB.client().get("/api/transfers/" + world.transferId).get("status").asText()).isEqualTo("PENDING");
        assertThat(world.memberB.client().post("/api/transfers/" + world.transferId + "/accept",
                Map.of("transferPassword", CenterWorld.TRANSFER_PASSWORD)).status()).isEqualTo(200);
    }

    private static void assertNotFound(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }
}
