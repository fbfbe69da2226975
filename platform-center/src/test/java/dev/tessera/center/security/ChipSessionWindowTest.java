package dev.tessera.center.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tessera.center.chipkeys.ChipCards;
import dev.tessera.center.chipkeys.ChipSessionService;
import dev.tessera.center.support.ApiClient.Response;
import dev.tessera.center.support.CenterFixture.Account;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: a sale or a transfer entitles a seller to a chip only while it waits to be written (docs/card-protocol.md
 * §7.1): a sale for {@link ChipSessionService#WRITE_WINDOW} after it was made, a transfer for as long after it was
 * accepted, and a pending transfer not at all. Afterwards the seller who made the sale holds no session on the chip
 * (its WRITE, DELETE and LOCK would reach every ticket on it); the holder's own wallet writes what is left.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChipSessionWindowTest {
    private static final Duration ALMOST = ChipSessionService.WRITE_WINDOW.minusMinutes(1);

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
    void aSaleEntitlesItsSellerOnlyWhileItWaitsToBeWritten() {
        long sale = world.sellTo(world.memberC, 1).get("saleId").asLong();
        String chip = world.memberC.chipId();
        assertThat(session(world.sellerA, chip, "SALE", sale, null).status()).isEqualTo(200);
        assertThat(session(world.sellerB, chip, "SALE", sale, null).status()).as("another seller").isEqualTo(403);

        world.fx.clock.advance(ALMOST);
        assertThat(session(world.sellerA, chip, "SALE", sale, null).status()).as("a pulled card tapped again")
                .isEqualTo(200);

        world.fx.clock.advance(Duration.ofMinutes(2));
        Response late = session(world.sellerA, chip, "SALE", sale, null);
        assertRefused(late, "no sale " + sale + " of yours from the last 15 minutes has tickets for chip " + chip);
        JsonNode audited = lastUse(chip);
        assertThat(audited.get("outcome").asText()).isEqualTo("REFUSED");
        assertThat(audited.get("saleId").asLong()).isEqualTo(sale);
        // the member's own wallet still writes the tickets to the card
        assertThat(memberSession(world.memberC, chip).status()).isEqualTo(200);
    }

    @Test
    void aTransferEntitlesOnlyOnceAcceptedAndWhileItWaitsToBeWritten() {
        String ticket = world.sellTo(world.memberA, 1).get("tickets").get(0).get("ticketId").asText();
        Response started = world.memberA.client().post("/api/transfers", Map.of("ticketId", ticket,
                "toChipId", world.memberB.chipId(), "transferPassword", CenterWorld.TRANSFER_PASSWORD));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        long transfer = started.get("transferId").asLong();
        String from = world.memberA.chipId();
        String to = world.memberB.chipId();

        assertRefused(session(world.sellerA, to, "TRANSFER", null, transfer), "was not accepted in the last 15 minutes");
        assertRefused(session(world.sellerA, from, "TRANSFER", null, transfer), "was not accepted in the last 15 minutes");

        Response accepted = world.memberB.client().post("/api/transfers/" + transfer + "/accept",
                Map.of("transferPassword", CenterWorld.TRANSFER_PASSWORD));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(session(world.sellerA, to, "TRANSFER", null, transfer).status()).as("the new copy").isEqualTo(200);
        assertThat(session(world.sellerB, from, "TRANSFER", null, transfer).status()).as("the old copy").isEqualTo(200);
        assertRefused(session(world.sellerA, world.memberC.chipId(), "TRANSFER", null, transfer),
                "does not move a ticket to or from chip " + world.memberC.chipId());

        world.fx.clock.advance(ALMOST);
        assertThat(session(world.sellerA, from, "TRANSFER", null, transfer).status()).isEqualTo(200);
        world.fx.clock.advance(Duration.ofMinutes(2));
        assertRefused(session(world.sellerA, to, "TRANSFER", null, transfer), "was not accepted in the last 15 minutes");
        assertRefused(session(world.sellerA, from, "TRANSFER", null, transfer), "was not accepted in the last 15 minutes");
    }

    private Response session(Account seller, String chipId, String purpose, Long saleId, Long transferId) {
        byte[] access = ChipCards.staticKey(world.fx.center, false, chipId);
        return seller.client().post("/api/chip-sessions",
                ChipCards.request(chipId, "ACCESS", purpose, saleId, transferId, null, ChipCards.tap(access)));
    }

    private Response memberSession(CenterWorld.Member member, String chipId) {
        byte[] access = ChipCards.staticKey(world.fx.center, false, chipId);
        return member.client().post("/api/chip-sessions",
                ChipCards.request(chipId, "ACCESS", "DELIVERY", null, null, null, ChipCards.tap(access)));
    }

    private JsonNode lastUse(String chipId) {
        Response r = world.manager.client().get("/api/chips/" + chipId + "/key-uses");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get(0);
    }

    private static void assertRefused(Response r, String detail) {
        assertThat(r.status()).as(r.body()).isEqualTo(403);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().has("sessionKey")).isFalse();
        assertThat(r.get("detail").asText()).contains(detail);
    }
}
