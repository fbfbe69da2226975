package dev.tessera.center.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.center.CenterConfig;
import dev.tessera.center.http.CenterRole;
import dev.tessera.center.support.ApiClient;
import dev.tessera.center.support.ApiClient.Response;
import dev.tessera.center.support.CenterFixture;
import dev.tessera.center.support.CenterFixture.Account;
import dev.tessera.center.support.CenterFixture.EventSetup;
import dev.tessera.core.crypto.ChipKeys;
import dev.tessera.core.crypto.IssuerKeyPair;
import dev.tessera.core.model.Role;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The claim-29 walk on a center on an H2 file, leaving the data every security test asks about: seller A's sale of
 * two tickets to member A's chip and an open hold of A's, A's certified terminal, a pending transfer of one ticket
 * from member A to member B's chip; seller B authorized for the same event; member C who is party to nothing.
 */
public final class CenterWorld implements AutoCloseable {
    public static final String TRANSFER_PASSWORD = "transfer-secret-4711";
    private static final SecureRandom RANDOM = new SecureRandom();

    public final CenterFixture fx;
    public final Account sellerA;
    public final Account sellerB;
    public final Account manager;
    public final Account gate;
    public final Member memberA;
    public final Member memberB;
    public final Member memberC;
    public final EventSetup event;
    public final long openHoldA;
    public final List<String> ticketsA;
    public final long saleA;
    public final long transferId;
    public final String terminalA = "till-a";
    public final IssuerKeyPair terminalKeyA = IssuerKeyPair.generate(RANDOM);

    public record Member(long id, String loginId, String password, ApiClient client, String chipId, ChipKeys chipKeys) {}

    public CenterWorld(Path dir) {
        this(dir, null);
    }

    /** The world on a center whose key-encryption key is {@code kek} (null: the file next to the H2 file). */
    public CenterWorld(Path dir, dev.tessera.center.keys.KekSource kek) {
        fx = new CenterFixture(CenterConfig.h2FileUrl(dir.resolve("world")), "tessera", kek, null);
        sellerA = fx.account(Role.SELLER);
        sellerB = fx.account(Role.SELLER);
        manager = fx.account(Role.MANAGER);
        gate = fx.account(Role.GATE);
        // the theatre with a standing pit, so the standing-area routes (issue 18) meet a real area
        var map = CenterFixture.theatreWithStanding(100);
        var quota = CenterFixture.quotaForAll(map, 100);
        event = fx.publishedEvent(map, Map.of(sellerA, quota, sellerB, quota), Map.of(), Map.of());
        memberA = member("a", "0a0a0a0a0a0a0a0a");
        memberB = member("b", "0b0b0b0b0b0b0b0b");
        memberC = member("c", "0c0c0c0c0c0c0c0c");

        long soldHold = hold(sellerA, 2);
        Response sale = sellerA.client().post("/api/sales", Map.of("holdId", soldHold,
                "customer", Map.of("auth", "MEMBER_PASSWORD", "memberLogin", memberA.loginId(),
                        "memberPassword", memberA.password(), "chipId", memberA.chipId()),
                "payment", Map.of("method", "CARD")));
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        ticketsA = sale.get("tickets").findValuesAsText("ticketId");
        saleA = sale.get("saleId").asLong();
        openHoldA = hold(sellerA, 1);

        Response terminal = sellerA.client().post("/api/terminals", Map.of("terminalId", terminalA,
                "publicKey", HexFormat.of().formatHex(terminalKeyA.publicKey().encoded())));
        assertThat(terminal.status()).as(terminal.body()).isEqualTo(201);

        Response transfer = memberA.client().post("/api/transfers", Map.of("ticketId", ticketsA.getFirst(),
                "toChipId", memberB.chipId(), "transferPassword", TRANSFER_PASSWORD));
        assertThat(transfer.status()).as(transfer.body()).isEqualTo(201);
        transferId = transfer.get("transferId").asLong();
    }

    private Member member(String name, String chipId) {
        String login = CenterFixture.unique("member-" + name);
        String password = "member-password-" + name + "-" + RANDOM.nextInt(1_000_000);
        Response created = sellerA.client().post("/api/members", Map.of("loginId", login, "password", password,
                "displayName", "Member " + name.toUpperCase(Locale.ROOT)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.get("accountId").asLong();
        ChipKeys keys = ChipKeys.generate(RANDOM);
        Response chip = sellerA.client().post("/api/chips", Map.of("chipId", chipId,
                "publicKey", HexFormat.of().formatHex(keys.publicKeySec1()), "memberId", id));
        assertThat(chip.status()).as(chip.body()).isEqualTo(201);
        return new Member(id, login, password, fx.anonymous.login(login, password), chipId, keys);
    }

    /** A best-available hold of seller's; its id. */
    public long hold(Account seller, int seats) {
        Response hold = seller.client().post("/api/events/" + event.eventId() + "/holds",
                Map.of("bestAvailable", Map.of("count", seats, "categoryId", event.map().categories().getFirst().id())));
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        return hold.get("id").asLong();
    }

    /** Seller A sells {@code seats} best-available seats to {@code member}'s chip (the member's password); the sale. */
    public Response sellTo(Member member, int seats) {
        Response sale = sellerA.client().post("/api/sales", Map.of("holdId", hold(sellerA, seats),
                "customer", Map.of("auth", "MEMBER_PASSWORD", "memberLogin", member.loginId(),
                        "memberPassword", member.password(), "chipId", member.chipId()),
                "payment", Map.of("method", "CARD")));
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        return sale;
    }

    /** {@code from} transfers its ticket to {@code to}'s chip and {@code to} accepts it: the transfer's id. */
    public long completedTransfer(Member from, Member to, String ticketId) {
        Response started = from.client().post("/api/transfers", Map.of("ticketId", ticketId,
                "toChipId", to.chipId(), "transferPassword", TRANSFER_PASSWORD));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        long id = started.get("transferId").asLong();
        Response accepted = to.client().post("/api/transfers/" + id + "/accept",
                Map.of("transferPassword", TRANSFER_PASSWORD));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        return id;
    }

    /** A new session of the account the world uses for this role (seller A, member A, the root organizer, ...). */
    public ApiClient signIn(CenterRole role) {
        return switch (role) {
            case ORGANIZER -> fx.anonymous.login("root-organizer", CenterFixture.ORGANIZER_PASSWORD);
            case SELLER -> fx.anonymous.login(sellerA.loginId(), sellerA.password());
            case MANAGER -> fx.anonymous.login(manager.loginId(), manager.password());
            case GATE -> fx.anonymous.login(gate.loginId(), gate.password());
            case MEMBER -> fx.anonymous.login(memberA.loginId(), memberA.password());
        };
    }

    /** Values for every path parameter of the API, each naming data of seller A or member A. */
    public Map<String, String> pathParams() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("eventId", Long.toString(event.eventId()));
        params.put("venueId", event.event().get("venueId").asText());
        params.put("version", "1");
        params.put("holdId", Long.toString(openHoldA));
        params.put("chipId", memberA.chipId());
        params.put("transferId", Long.toString(transferId));
        params.put("terminalId", terminalA);
        params.put("ticketId", ticketsA.get(1));
        params.put("shiftId", "1");
        params.put("currency", "JPY");
        params.put("sellerId", Long.toString(sellerA.id()));
        params.put("areaId", CenterFixture.STANDING);
        return params;
    }

    @Override
    public void close() {
        fx.close();
    }
}
