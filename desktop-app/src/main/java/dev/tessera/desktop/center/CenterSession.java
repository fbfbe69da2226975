package dev.tessera.desktop.center;

import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.core.seatmap.SeatMapFormat;
import dev.tessera.core.seatmap.SeatMapFormatException;
import dev.tessera.desktop.center.CenterApiTypes.Account;
import dev.tessera.desktop.center.CenterApiTypes.Availability;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.desktop.center.CenterApiTypes.Hold;
import dev.tessera.desktop.center.CenterApiTypes.HoldRequest;
import dev.tessera.desktop.center.CenterApiTypes.Session;
import java.util.List;

/** A signed-in account's calls to the center; every call sends the session's bearer token. */
public final class CenterSession {
    private final CenterHttp http;
    private final Session session;

    CenterSession(CenterHttp http, Session session) {
        this.http = http;
        this.session = session;
    }

    public Account account() {
        return session.account();
    }

    public List<EventInfo> events() {
        return http.get("/api/events", token(), CenterHttp.listOf(EventInfo.class));
    }

    public EventInfo event(long eventId) {
        return http.get("/api/events/" + eventId, token(), CenterHttp.type(EventInfo.class));
    }

    public SeatMap seatMap(long venueId, int version) {
        String document = http.getText("/api/venues/" + venueId + "/seat-maps/" + version, token());
        try {
            return SeatMapFormat.read(document);
        } catch (SeatMapFormatException e) {
            throw new CenterResponseException("the seat map of venue " + venueId + ", version " + version
                    + ", could not be read: " + e.getMessage(), e);
        }
    }

    public Availability seats(long eventId) {
        return http.get("/api/events/" + eventId + "/seats", token(), CenterHttp.type(Availability.class));
    }

    public Hold hold(long eventId, List<String> seatIds) {
        return http.post("/api/events/" + eventId + "/holds", token(), new HoldRequest(seatIds),
                CenterHttp.type(Hold.class));
    }

    public void releaseHold(long holdId) {
        http.delete("/api/holds/" + holdId, token());
    }

    /** Live seat changes of one event until the stream is closed or drops; see {@link SeatStream}. */
    public SeatStream watchSeats(long eventId, SeatStream.Listener listener) {
        return SeatStream.open(http, "/api/events/" + eventId + "/seats/stream", token(), listener);
    }

    /** Flow 3: certifies this terminal's Ed25519 key; the same id and key again returns the same registration. */
    public CounterApiTypes.TerminalRegistration registerTerminal(String terminalId, String publicKeyHex) {
        return http.post("/api/terminals", token(), new CounterApiTypes.RegisterTerminal(terminalId, publicKeyHex),
                CenterHttp.type(CounterApiTypes.TerminalRegistration.class));
    }

    public CounterApiTypes.TerminalRegistration terminal(String terminalId) {
        return http.get("/api/terminals/" + terminalId, token(), CenterHttp.type(CounterApiTypes.TerminalRegistration.class));
    }

    /** Flow 4: journal entries in order, exactly once (a retried push is acknowledged again and changes nothing). */
    public CounterApiTypes.JournalPushResult pushJournal(String terminalId, List<CounterApiTypes.JournalEntry> entries) {
        return http.post("/api/terminals/" + terminalId + "/journal", token(), new CounterApiTypes.JournalPush(entries),
                CenterHttp.type(CounterApiTypes.JournalPushResult.class));
    }

    /** The calling seller's authorization as JSON text, so a terminal can cache it for offline sales. */
    public String myAuthorizationJson(long eventId) {
        return http.getText("/api/events/" + eventId + "/authorizations/me", token());
    }

    public static CounterApiTypes.SellerAuthorization readAuthorization(String json) {
        return CenterHttp.readValue(json, CounterApiTypes.SellerAuthorization.class);
    }

    public static EventInfo readEvent(String json) {
        return CenterHttp.readValue(json, EventInfo.class);
    }

    public static String json(Object value) {
        return CenterHttp.writeText(value);
    }

    /** Claim 62: the best {@code count} consecutive free seats of a category. */
    public Hold holdBestAvailable(long eventId, int count, String categoryId) {
        return http.post("/api/events/" + eventId + "/holds", token(),
                new CounterApiTypes.BestAvailableRequest(new CounterApiTypes.BestAvailable(count, categoryId)),
                CenterHttp.type(Hold.class));
    }

    public Hold holdStatus(long holdId) {
        return http.get("/api/holds/" + holdId, token(), CenterHttp.type(Hold.class));
    }

    public CounterApiTypes.SaleResult confirmSale(CounterApiTypes.ConfirmSale sale) {
        return http.post("/api/sales", token(), sale, CenterHttp.type(CounterApiTypes.SaleResult.class));
    }

    public CounterApiTypes.Voided voidTicket(String ticketId, String reason, boolean refund) {
        return http.post("/api/tickets/" + ticketId + "/void", token(), new CounterApiTypes.VoidTicket(reason, refund),
                CenterHttp.type(CounterApiTypes.Voided.class));
    }

    public CounterApiTypes.SalesLog salesLog(long eventId) {
        return http.get("/api/sales-log?eventId=" + eventId, token(), CenterHttp.type(CounterApiTypes.SalesLog.class));
    }

    public Account registerMember(String loginId, String password, String displayName) {
        return http.post("/api/members", token(), new CounterApiTypes.RegisterMember(loginId, password, displayName),
                CenterHttp.type(Account.class));
    }

    public Account me() {
        return http.get("/api/me", token(), CenterHttp.type(Account.class));
    }

    /** Claims 35, 72: the chip's diversified keys, to personalize it or write under its access key. */
    public CounterApiTypes.ChipKeySet chipKeys(String chipId) {
        return http.post("/api/chip-keys", token(), new CounterApiTypes.ChipKeyRequest(chipId),
                CenterHttp.type(CounterApiTypes.ChipKeySet.class));
    }

    /** Claim 31: the personalized chip becomes the member's card. */
    public CounterApiTypes.Chip registerChip(String chipId, String publicKeyHex, Long memberId) {
        return http.post("/api/chips", token(), new CounterApiTypes.RegisterChip(chipId, publicKeyHex, memberId),
                CenterHttp.type(CounterApiTypes.Chip.class));
    }

    public CounterApiTypes.Chip chip(String chipId) {
        return http.get("/api/chips/" + chipId, token(), CenterHttp.type(CounterApiTypes.Chip.class));
    }

    /** Claims 67, 76: every valid ticket of the chip, sealed for it. */
    public CounterApiTypes.ChipPackage chipTickets(String chipId) {
        return http.get("/api/chips/" + chipId + "/tickets", token(), CenterHttp.type(CounterApiTypes.ChipPackage.class));
    }

    /** Claims 64, 65 (as the assignor member). */
    public CounterApiTypes.Transfer startTransfer(String ticketId, String toChipId, String transferPassword) {
        return http.post("/api/transfers", token(), new CounterApiTypes.StartTransfer(ticketId, toChipId, transferPassword),
                CenterHttp.type(CounterApiTypes.Transfer.class));
    }

    /** Claims 66, 79 (as the assignee member). */
    public CounterApiTypes.TransferResult acceptTransfer(long transferId, String transferPassword) {
        return http.post("/api/transfers/" + transferId + "/accept", token(),
                new CounterApiTypes.AcceptTransfer(transferPassword), CenterHttp.type(CounterApiTypes.TransferResult.class));
    }

    public void signOut() {
        http.delete("/api/sessions", token());
    }

    Session session() {
        return session;
    }

    String token() {
        return session.token();
    }
}
