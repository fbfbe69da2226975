package dev.tessera.center.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tessera.center.security.CenterWorld;
import dev.tessera.center.support.ApiClient;
import dev.tessera.center.support.ApiClient.Response;
import dev.tessera.center.support.CenterFixture;
import dev.tessera.core.crypto.ChipKeys;
import dev.tessera.core.ticket.Ticket;
import dev.tessera.core.ticket.TicketCodec;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 on a center on an H2 file: the member's own tickets and transfers, a transfer named by the assignee's
 * login, and a lost card blocked (its copies revoked at the gate, no chip session on it) with its tickets moved to
 * the member's new card. Each test walks a world of its own: they change it.
 */
class MemberWalletApiTest {

    @Test
    void aMemberSeesTheirTicketsWithTheirStateAndTheTransfersOnBothSides(@TempDir Path dir) {
        try (CenterWorld world = new CenterWorld(dir)) {
            ApiClient a = world.memberA.client();
            Response mine = a.get("/api/me/tickets");
            assertThat(mine.status()).as(mine.body()).isEqualTo(200);
            assertThat(mine.json()).hasSize(2);
            JsonNode pending = byTicket(mine.json(), world.ticketsA.getFirst());
            assertThat(pending.get("state").asText()).isEqualTo("TRANSFER_PENDING");
            assertThat(pending.get("transferId").asLong()).isEqualTo(world.transferId);
            assertThat(pending.get("eventId").asLong()).isEqualTo(world.event.eventId());
            assertThat(pending.get("eventName").asText()).startsWith("Concert");
            assertThat(pending.get("holderChipId").asText()).isEqualTo(world.memberA.chipId());
            JsonNode valid = byTicket(mine.json(), world.ticketsA.get(1));
            assertThat(valid.get("state").asText()).isEqualTo("VALID");
            assertThat(valid.get("transferId").isNull()).isTrue();
            assertThat(valid.get("seatId").asText()).isNotBlank();
            assertThat(valid.get("venueId").asLong()).isEqualTo(world.event.event().get("venueId").asLong());

            JsonNode out = a.get("/api/me/transfers").json();
            assertThat(out).hasSize(1);
            assertThat(out.get(0).get("direction").asText()).isEqualTo("OUT");
            assertThat(out.get(0).get("counterpart").asText()).isEqualTo("Member B");
            JsonNode in = world.memberB.client().get("/api/me/transfers").json();
            assertThat(in).hasSize(1);
            assertThat(in.get(0).get("direction").asText()).isEqualTo("IN");
            assertThat(in.get(0).get("transferId").asLong()).isEqualTo(world.transferId);
            assertThat(in.get(0).get("counterpart").asText()).isEqualTo("Member A");
            assertThat(in.get(0).get("expired").asBoolean()).isFalse();
            assertThat(world.memberB.client().get("/api/me/tickets").json()).as("not B's until accepted").isEmpty();
            assertThat(world.memberC.client().get("/api/me/transfers").json()).isEmpty();

            assertThat(world.sellerA.client().get("/api/me/tickets").status()).isEqualTo(403);
            assertThat(world.fx.organizer.get("/api/me/transfers").status()).isEqualTo(403);
            assertThat(world.fx.anonymous.get("/api/me/tickets").status()).isEqualTo(401);

            // accepted: B holds version 2, A sees the ticket as transferred, with the version A held
            assertThat(world.memberB.client().post("/api/transfers/" + world.transferId + "/accept",
                    Map.of("transferPassword", CenterWorld.TRANSFER_PASSWORD)).status()).isEqualTo(200);
            JsonNode given = byTicket(a.get("/api/me/tickets").json(), world.ticketsA.getFirst());
            assertThat(given.get("state").asText()).isEqualTo("TRANSFERRED");
            assertThat(given.get("version").asInt()).isEqualTo(1);
            JsonNode received = byTicket(world.memberB.client().get("/api/me/tickets").json(), world.ticketsA.getFirst());
            assertThat(received.get("state").asText()).isEqualTo("VALID");
            assertThat(received.get("version").asInt()).isEqualTo(2);
            assertThat(received.get("holderChipId").asText()).isEqualTo(world.memberB.chipId());
            assertThat(world.memberB.client().get("/api/me/transfers").json()).isEmpty();
        }
    }

    @Test
    void theAssignorCancelsAPendingTransferAndTheAssigneeCanNoLongerAcceptIt(@TempDir Path dir) {
        try (CenterWorld world = new CenterWorld(dir)) {
            ApiClient a = world.memberA.client();
            ApiClient b = world.memberB.client();
            String path = "/api/transfers/" + world.transferId + "/cancellation";
            assertProblem(b.post(path, Map.of()), 404);
            assertProblem(world.memberC.client().post(path, Map.of()), 404);
            assertThat(world.sellerA.client().post(path, Map.of()).status()).isEqualTo(403);

            Response cancelled = a.post(path, Map.of());
            assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
            assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
            JsonNode kept = byTicket(a.get("/api/me/tickets").json(), world.ticketsA.getFirst());
            assertThat(kept.get("state").asText()).as("the ticket stays A's, unchanged").isEqualTo("VALID");
            assertThat(kept.get("version").asInt()).isEqualTo(1);
            assertThat(a.get("/api/me/transfers").json()).isEmpty();
            assertThat(b.get("/api/me/transfers").json()).as("the offer leaves B's list").isEmpty();
            assertProblem(b.post("/api/transfers/" + world.transferId + "/accept",
                    Map.of("transferPassword", CenterWorld.TRANSFER_PASSWORD)), 409, "transfer-not-pending");
            assertProblem(a.post(path, Map.of()), 409, "transfer-not-pending");
        }
    }

    @Test
    void theAssignorNamesTheAssigneeByLoginAndTheTicketGoesToTheirCard(@TempDir Path dir) {
        try (CenterWorld world = new CenterWorld(dir)) {
            ApiClient a = world.memberA.client();
            String ticket = world.ticketsA.get(1);
            Response started = a.post("/api/transfers", Map.of("ticketId", ticket, "toLoginId", world.memberC.loginId(),
                    "transferPassword", "give-it-to-c"));
            assertThat(started.status()).as(started.body()).isEqualTo(201);
            assertThat(started.get("toChipId").asText()).isEqualTo(world.memberC.chipId());

            assertProblem(a.post("/api/transfers", Map.of("ticketId", ticket, "toLoginId", "nobody-" + dir.hashCode(),
                    "transferPassword", "give-it-away")), 404);
            Response cardless = world.sellerA.client().post("/api/members", Map.of("loginId", CenterFixture.unique("d"),
                    "password", "member-password-d", "displayName", "Member D"));
            assertProblem(a.post("/api/transfers", Map.of("ticketId", ticket, "toLoginId", cardless.get("loginId").asText(),
                    "transferPassword", "give-it-to-d")), 409, "assignee-has-no-card");
            assertProblem(a.post("/api/transfers", Map.of("ticketId", ticket, "toLoginId", world.memberC.loginId(),
                    "toChipId", world.memberC.chipId(), "transferPassword", "give-it-to-c")), 400);
            assertProblem(a.post("/api/transfers", Map.of("ticketId", ticket, "transferPassword", "to-nobody")), 400);

            long transfer = started.get("transferId").asLong();
            ApiClient c = world.memberC.client();
            assertProblem(c.post("/api/transfers/" + transfer + "/accept", Map.of("transferPassword", "wrong-one")), 403,
                    "wrong-transfer-password");
            Response accepted = c.post("/api/transfers/" + transfer + "/accept", Map.of("transferPassword", "give-it-to-c"));
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
            assertThat(accepted.get("ticket").get("holderChipId").asText()).isEqualTo(world.memberC.chipId());
            assertThat(byTicket(c.get("/api/me/tickets").json(), ticket).get("state").asText()).isEqualTo("VALID");
        }
    }

    @Test
    void aStandingPlaceGoesToAnotherMemberLikeASeatAndStillNamesItsArea(@TempDir Path dir) throws Exception {
        try (CenterWorld world = new CenterWorld(dir)) {
            ApiClient seller = world.sellerA.client();
            long eventId = world.event.eventId();
            Response hold = seller.post("/api/events/" + eventId + "/holds",
                    Map.of("areas", Map.of(CenterFixture.STANDING, 2)));
            assertThat(hold.status()).as(hold.body()).isEqualTo(201);
            Response sale = seller.post("/api/sales", Map.of("holdId", hold.get("id").asLong(),
                    "customer", Map.of("auth", "MEMBER_PASSWORD", "memberLogin", world.memberA.loginId(),
                            "memberPassword", world.memberA.password(), "chipId", world.memberA.chipId()),
                    "payment", Map.of("method", "CARD")));
            assertThat(sale.status()).as(sale.body()).isEqualTo(201);
            JsonNode place = sale.get("tickets").get(0);
            assertThat(place.get("generalAdmission").asBoolean()).isTrue();
            String ticket = place.get("ticketId").asText();
            int soldBefore = standingArea(seller, eventId).get("sold").asInt();

            ApiClient a = world.memberA.client();
            Response started = a.post("/api/transfers", Map.of("ticketId", ticket, "toLoginId", world.memberC.loginId(),
                    "transferPassword", "a-place-for-c"));
            assertThat(started.status()).as(started.body()).isEqualTo(201);
            assertThat(byTicket(a.get("/api/me/tickets").json(), ticket).get("state").asText())
                    .isEqualTo("TRANSFER_PENDING");
            ApiClient c = world.memberC.client();
            assertProblem(c.post("/api/transfers/" + started.get("transferId").asLong() + "/accept",
                    Map.of("transferPassword", "not-the-one")), 403, "wrong-transfer-password");
            Response accepted = c.post("/api/transfers/" + started.get("transferId").asLong() + "/accept",
                    Map.of("transferPassword", "a-place-for-c"));
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);

            // the re-signed ticket: version 2 on C's chip, still a standing place in the same area
            JsonNode moved = accepted.get("ticket");
            assertThat(moved.get("generalAdmission").asBoolean()).isTrue();
            assertThat(moved.get("holderChipId").asText()).isEqualTo(world.memberC.chipId());
            Ticket signed = TicketCodec.decode(Base64.getDecoder().decode(moved.get("encoded").asText())).ticket();
            assertThat(signed.generalAdmission()).isTrue();
            assertThat(signed.seatId()).isEqualTo(CenterFixture.STANDING);
            assertThat(signed.version()).isEqualTo(2);
            assertThat(signed.holderChipId()).isEqualToIgnoringCase(world.memberC.chipId());

            assertThat(byTicket(c.get("/api/me/tickets").json(), ticket).get("state").asText()).isEqualTo("VALID");
            assertThat(byTicket(a.get("/api/me/tickets").json(), ticket).get("state").asText()).isEqualTo("TRANSFERRED");
            assertThat(standingArea(seller, eventId).get("sold").asInt())
                    .as("a transfer moves a place: it frees none and sells none").isEqualTo(soldBefore);
        }
    }

    private static JsonNode standingArea(ApiClient client, long eventId) {
        Response areas = client.get("/api/events/" + eventId + "/areas");
        assertThat(areas.status()).as(areas.body()).isEqualTo(200);
        for (JsonNode area : areas.json()) {
            if (area.get("areaId").asText().equals(CenterFixture.STANDING)) {
                return area;
            }
        }
        throw new AssertionError("no standing area " + CenterFixture.STANDING + " in " + areas.body());
    }

    @Test
    void aLostCardIsBlockedItsCopiesRefusedAndItsTicketsMovedToTheNewCard(@TempDir Path dir) {
        try (CenterWorld world = new CenterWorld(dir)) {
            ApiClient a = world.memberA.client();
            String lost = world.memberA.chipId();
            List<String> oldCopies = new ArrayList<>();
            a.get("/api/chips/" + lost + "/tickets").get("tickets").forEach(t -> oldCopies.add(t.get("encoded").asText()));
            assertThat(oldCopies).hasSize(2);

            assertProblem(a.post("/api/chips/" + lost + "/block", Map.of()), 400);
            assertProblem(world.memberB.client().post("/api/chips/" + lost + "/block", Map.of("reason", "not mine")), 404);
            assertProblem(a.post("/api/chips/" + lost + "/replacement", Map.of("toChipId", world.memberB.chipId())), 404);
            Response newCardEarly = world.sellerA.client().post("/api/chips", Map.of("chipId", "0d0d0d0d0d0d0d0d",
                    "publicKey", newCardKey(), "memberId", world.memberA.id()));
            assertThat(newCardEarly.status()).as(newCardEarly.body()).isEqualTo(201);
            assertProblem(a.post("/api/chips/" + lost + "/replacement", Map.of("toChipId", "0d0d0d0d0d0d0d0d")), 409,
                    "chip-not-blocked");
            assertThat(sessionOn(world, lost)).as("before: the sale entitles, the made-up card answer is wrong")
                    .isEqualTo(409);

            Response blocked = a.post("/api/chips/" + lost + "/block", Map.of("reason", "lost on the train"));
            assertThat(blocked.status()).as(blocked.body()).isEqualTo(200);
            assertThat(blocked.get("status").asText()).isEqualTo("BLOCKED");
            assertThat(blocked.get("revokedTickets").asInt()).isEqualTo(2);
            assertProblem(a.post("/api/chips/" + lost + "/block", Map.of("reason", "again")), 409, "chip-already-blocked");
            assertProblem(world.sellerA.client().post("/api/chips/" + lost + "/block", Map.of("reason", "again")), 409,
                    "chip-already-blocked");
            assertThat(sessionOn(world, lost)).as("no session opens on a blocked card").isEqualTo(403);
            assertThat(world.memberB.client().get("/api/me/transfers").json()).as("A's pending transfer is cancelled")
                    .isEmpty();
            assertThat(a.get("/api/me/tickets").json()).extracting(t -> t.get("state").asText())
                    .containsOnly("CARD_BLOCKED");
            assertProblem(a.post("/api/transfers", Map.of("ticketId", world.ticketsA.get(1),
                    "toChipId", world.memberC.chipId(), "transferPassword", "from-a-lost-card")), 409, "chip-blocked");
            JsonNode revocations = world.gate.client().get("/api/events/" + world.event.eventId() + "/revocations").json();
            assertThat(StreamSupport.stream(revocations.spliterator(), false).map(r -> r.get("reason").asText()))
                    .containsExactly("CARD_BLOCKED", "CARD_BLOCKED");
            for (String copy : oldCopies) {
                assertThat(scan(world, copy, lost).get("verdict").asText()).isEqualTo("REVOKED");
            }

            // the tickets move to the new card: the same member's, not another's
            assertProblem(world.sellerA.client().post("/api/chips/" + lost + "/replacement",
                    Map.of("toChipId", world.memberB.chipId())), 409, "another-members-card");
            assertProblem(a.post("/api/chips/" + lost + "/replacement", Map.of()), 400);
            Response moved = a.post("/api/chips/" + lost + "/replacement", Map.of("toChipId", "0d0d0d0d0d0d0d0d"));
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
            assertThat(moved.get("tickets")).hasSize(2);
            for (JsonNode t : moved.get("tickets")) {
                assertThat(t.get("version").asInt()).isEqualTo(2);
                assertThat(t.get("holderChipId").asText()).isEqualTo("0d0d0d0d0d0d0d0d");
                assertThat(t.get("envelope").asText()).isNotBlank();
            }
            assertThat(a.get("/api/me/tickets").json()).extracting(t -> t.get("state").asText() + " " + t.get("holderChipId").asText())
                    .containsOnly("VALID 0d0d0d0d0d0d0d0d");
            assertThat(a.get("/api/chips/0d0d0d0d0d0d0d0d/tickets").get("tickets")).hasSize(2);
            for (String copy : oldCopies) {
                assertThat(scan(world, copy, lost).get("verdict").asText()).as("the old copy, after the move")
                        .isEqualTo("REVOKED");
            }
            JsonNode newCopy = moved.get("tickets").get(0);
            assertThat(scan(world, newCopy.get("encoded").asText(), "0d0d0d0d0d0d0d0d").get("verdict").asText())
                    .isEqualTo("ADMITTED");
            assertProblem(a.post("/api/chips/" + lost + "/replacement", Map.of("toChipId", lost)), 400);
        }
    }

    @Test
    void theCounterFindsAMemberWithTheirCardsBlocksOneAndMayWriteTheMovedTicketsToTheNewCard(@TempDir Path dir) {
        try (CenterWorld world = new CenterWorld(dir)) {
            ApiClient clerk = world.sellerA.client();
            String lost = world.memberA.chipId();
            Response byName = clerk.get("/api/members?q=mEmBeR%20a");
            assertThat(byName.status()).as(byName.body()).isEqualTo(200);
            assertThat(byName.json()).hasSize(1);
            JsonNode a = byName.json().get(0);
            assertThat(a.get("memberId").asLong()).isEqualTo(world.memberA.id());
            assertThat(a.get("loginId").asText()).isEqualTo(world.memberA.loginId());
            assertThat(a.get("cards")).hasSize(1);
            assertThat(a.get("cards").get(0).get("chipId").asText()).isEqualTo(lost);
            assertThat(a.get("cards").get(0).get("status").asText()).isEqualTo("ACTIVE");
            assertThat(a.get("cards").get(0).get("validTickets").asInt()).isEqualTo(2);
            Response byLogin = clerk.get("/api/members?q=" + world.memberA.loginId().toUpperCase(java.util.Locale.ROOT));
            assertThat(byLogin.json()).extracting(m -> m.get("memberId").asLong()).containsExactly(world.memberA.id());
            assertThat(clerk.get("/api/members?q=Member").json()).as("every member, none of the staff")
                    .extracting(m -> m.get("displayName").asText()).containsExactly("Member A", "Member B", "Member C");
            assertThat(clerk.get("/api/members?q=nobody-called-this").json()).isEmpty();
            assertProblem(clerk.get("/api/members?q=a"), 400);
            assertProblem(clerk.get("/api/members"), 400);
            assertProblem(world.memberA.client().get("/api/members?q=Member"), 403);

            Response blocked = clerk.post("/api/chips/" + lost + "/block", Map.of("reason", "stolen, said at the counter"));
            assertThat(blocked.status()).as(blocked.body()).isEqualTo(200);
            JsonNode after = clerk.get("/api/members?q=Member%20A").json().get(0).get("cards").get(0);
            assertThat(after.get("status").asText()).isEqualTo("BLOCKED");
            assertThat(after.get("validTickets").asInt()).as("refused at the gates, waiting to move").isEqualTo(2);

            String newCard = "0e0e0e0e0e0e0e0e";
            assertThat(clerk.post("/api/chips", Map.of("chipId", newCard, "publicKey", newCardKey(),
                    "memberId", world.memberA.id())).status()).isEqualTo(201);
            assertThat(replacementSession(world, newCard)).as("nothing moved to the card yet").isEqualTo(403);
            Response moved = clerk.post("/api/chips/" + lost + "/replacement", Map.of("toChipId", newCard));
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
            assertThat(moved.get("tickets")).hasSize(2);
            assertThat(replacementSession(world, newCard))
                    .as("the clerk who moved them may write them: past the entitlement, the made-up answer is wrong")
                    .isEqualTo(409);
            assertThat(replacementSession(world, world.memberB.chipId())).as("another member's card").isEqualTo(403);
            assertThat(clerk.get("/api/members?q=Member%20A").json().get(0).get("cards"))
                    .extracting(c -> c.get("chipId").asText() + " " + c.get("status").asText() + " "
                            + c.get("validTickets").asInt())
                    .containsExactlyInAnyOrder(newCard + " ACTIVE 2", lost + " BLOCKED 0");
        }
    }

    /** The status of a REPLACEMENT session seller A asks for on the chip, with a made-up card answer. */
    private static int replacementSession(CenterWorld world, String chipId) {
        return world.sellerA.client().post("/api/chip-sessions", Map.of("chipId", chipId, "keyRef", "ACCESS",
                "purpose", "REPLACEMENT", "hostChallenge", "0011223344556677",
                "cardAnswer", "00112233445566778899aabbccddeeff")).status();
    }

    /** The status of a SALE session seller A asks for on the chip, with a made-up card answer. */
    private static int sessionOn(CenterWorld world, String chipId) {
        return world.sellerA.client().post("/api/chip-sessions", Map.of("chipId", chipId, "keyRef", "ACCESS",
                "purpose", "SALE", "saleId", world.saleA, "hostChallenge", "0011223344556677",
                "cardAnswer", "00112233445566778899aabbccddeeff")).status();
    }

    private static JsonNode scan(CenterWorld world, String encoded, String chipId) {
        String gateId = world.event.event().get("gates").get(0).asText();
        Response r = world.gate.client().post("/api/gate/scans", Map.of("eventId", world.event.eventId(),
                "gateId", gateId, "ticket", encoded, "chipId", chipId));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode byTicket(JsonNode tickets, String ticketId) {
        for (JsonNode t : tickets) {
            if (t.get("ticketId").asText().equals(ticketId)) {
                return t;
            }
        }
        throw new AssertionError("no ticket " + ticketId + " in " + tickets);
    }

    private static void assertProblem(Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    private static void assertProblem(Response r, int status, String type) {
        assertProblem(r, status);
        assertThat(r.get("type").asText()).as(r.body()).endsWith(type);
    }

    /** A new card's public key (a fresh P-256 key), as a clerk registers it. */
    private static String newCardKey() {
        return HexFormat.of().formatHex(ChipKeys.generate(new SecureRandom()).publicKeySec1());
    }
}
