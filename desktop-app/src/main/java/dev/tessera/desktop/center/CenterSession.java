package dev.tessera.desktop.center;

import dev.tessera.client.CenterResponseException;
import dev.tessera.client.CenterHttp;
import dev.tessera.contract.aftersales.Adjustment;
import dev.tessera.contract.aftersales.Reprint;
import dev.tessera.contract.aftersales.Reprinted;
import dev.tessera.contract.aftersales.SaleView;
import dev.tessera.contract.availability.AreaCount;
import dev.tessera.contract.event.AreaCapacity;
import dev.tessera.contract.event.AuthorizeSeller;
import dev.tessera.contract.event.EventChanged;
import dev.tessera.contract.event.RefundList;
import dev.tessera.contract.event.RegisterEvent;
import dev.tessera.contract.event.Released;
import dev.tessera.contract.gate.DoorState;
import dev.tessera.contract.member.BlockedChip;
import dev.tessera.contract.member.ChipChallenge;
import dev.tessera.contract.member.ChipReplacement;
import dev.tessera.contract.member.MemberFound;
import dev.tessera.contract.member.MemberTicket;
import dev.tessera.contract.member.MemberTransfer;
import dev.tessera.contract.sales.BestAvailable;
import dev.tessera.contract.sales.ConfirmSale;
import dev.tessera.contract.sales.Exchange;
import dev.tessera.contract.sales.ExchangeResult;
import dev.tessera.contract.sales.MemberHoldRequest;
import dev.tessera.contract.sales.OnSale;
import dev.tessera.contract.sales.Purchase;
import dev.tessera.contract.sales.SaleResult;
import dev.tessera.contract.sales.VoidTicket;
import dev.tessera.contract.sales.Voided;
import dev.tessera.contract.saleslog.SalesLog;
import dev.tessera.contract.saleslog.SalesLogGroup;
import dev.tessera.contract.transfer.Transfer;
import dev.tessera.contract.transfer.TransferResult;
import dev.tessera.contract.venue.SeatMapAdded;
import dev.tessera.core.model.Event;
import dev.tessera.core.model.SellerAuthorization;
import dev.tessera.core.model.Venue;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.core.seatmap.SeatMapFormat;
import dev.tessera.core.seatmap.SeatMapFormatException;
import dev.tessera.contract.account.Account;
import dev.tessera.contract.availability.Availability;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.core.model.Hold;
import dev.tessera.contract.sales.HoldRequest;
import dev.tessera.contract.account.SignedIn;
import java.util.List;
import dev.tessera.contract.gate.IssuerKey;
import dev.tessera.contract.gate.GatePackage;
import dev.tessera.contract.gate.ScanResult;
import dev.tessera.contract.gate.GateCount;
import dev.tessera.contract.gate.RevocationView;
import dev.tessera.contract.gate.Scan;
import dev.tessera.contract.chip.ChipSessionRequest;
import dev.tessera.contract.chip.ChipSessionGrant;
import dev.tessera.contract.chip.PersonalizationRequest;
import dev.tessera.contract.chip.Personalization;
import dev.tessera.contract.chip.RegisterChip;
import dev.tessera.contract.chip.ChipView;
import dev.tessera.contract.chip.ChipTickets;
import dev.tessera.contract.terminal.RegisterTerminal;
import dev.tessera.contract.terminal.TerminalRegistration;
import dev.tessera.contract.terminal.JournalEntry;
import dev.tessera.contract.terminal.JournalPush;
import dev.tessera.contract.terminal.JournalPushResult;
import dev.tessera.contract.shift.OpenShift;
import dev.tessera.contract.shift.CloseShift;
import dev.tessera.contract.shift.CurrencyDenominations;
import dev.tessera.contract.shift.Shift;
import dev.tessera.contract.venue.NewVenue;
import dev.tessera.contract.event.ReleaseSeats;
import dev.tessera.contract.event.CancelEvent;
import dev.tessera.contract.event.MoveEvent;
import dev.tessera.contract.member.BlockChip;
import dev.tessera.contract.member.ReplaceChip;
import dev.tessera.contract.member.RegisterMember;
import dev.tessera.contract.transfer.StartTransfer;
import dev.tessera.contract.transfer.AcceptTransfer;

/** A signed-in account's calls to the center; every call sends the session's bearer token. */
public final class CenterSession {
    private final CenterHttp http;
    private final SignedIn session;
    /** The terminal this session runs on, once the counter has opened its ledger identity; null before. */
    private volatile String terminalId;

    CenterSession(CenterHttp http, SignedIn session) {
        this.http = http;
        this.session = session;
    }

    /**
     * Names the terminal (its registered id, the one its shifts and journal carry) in every chip session and
     * personalization this session asks for, so the center's key-use audit says at which desk a chip key was used.
     */
    public void identifyTerminal(String id) {
        this.terminalId = id;
    }

    public Account account() {
        return session.account();
    }

    public List<EventInfo> events() {
        List<Event> events = http.get("/api/events", token(), CenterHttp.listOf(Event.class));
        return events.stream().map(EventInfo::of).toList();
    }

    public EventInfo event(long eventId) {
        return EventInfo.of(http.get("/api/events/" + eventId, token(), CenterHttp.type(Event.class)));
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
        return http.postOnce("/api/events/" + eventId + "/holds", token(), new HoldRequest(seatIds, null, null),
                CenterHttp.type(Hold.class));
    }

    /** Issue 18: seats and standing places per area id in one hold (a mixed basket). */
    public Hold hold(long eventId, List<String> seatIds, java.util.Map<String, Integer> areas) {
        return http.postOnce("/api/events/" + eventId + "/holds", token(), new HoldRequest(seatIds, null, areas),
                CenterHttp.type(Hold.class));
    }

    /** Issue 18: the event's standing areas with their places. */
    public List<AreaCount> areas(long eventId) {
        return http.get("/api/events/" + eventId + "/areas", token(), CenterHttp.listOf(AreaCount.class));
    }

    /** Issue 18: the gate staff mark a standing area full at the door, or open it again. */
    public AreaCount markAreaFull(long eventId, String areaId, boolean full) {
        return http.post("/api/events/" + eventId + "/areas/" + areaId + "/door", token(),
                new DoorState(full), CenterHttp.type(AreaCount.class));
    }

    /** The seller's own active holds of one event, oldest first: what a lost answer left held, to sell or release. */
    public List<Hold> activeHolds(long eventId) {
        return http.get("/api/holds?eventId=" + eventId, token(), CenterHttp.listOf(Hold.class));
    }

    public void releaseHold(long holdId) {
        http.delete("/api/holds/" + holdId, token());
    }

    /** Live seat changes of one event until the stream is closed or drops; see {@link SeatStream}. */
    public SeatStream watchSeats(long eventId, SeatStream.Listener listener) {
        return SeatStream.open(http, "/api/events/" + eventId + "/seats/stream", token(), listener);
    }

    /** Flow 3: certifies this terminal's Ed25519 key; the same id and key again returns the same registration. */
    public TerminalRegistration registerTerminal(String terminalId, String publicKeyHex) {
        return http.post("/api/terminals", token(), new RegisterTerminal(terminalId, publicKeyHex),
                CenterHttp.type(TerminalRegistration.class));
    }

    public TerminalRegistration terminal(String terminalId) {
        return http.get("/api/terminals/" + terminalId, token(), CenterHttp.type(TerminalRegistration.class));
    }

    /** Flow 4: journal entries in order, exactly once (a retried push is acknowledged again and changes nothing). */
    public JournalPushResult pushJournal(String terminalId, List<JournalEntry> entries) {
        return http.post("/api/terminals/" + terminalId + "/journal", token(), new JournalPush(entries),
                CenterHttp.type(JournalPushResult.class));
    }

    /** The calling seller's authorization as JSON text, so a terminal can cache it for offline sales. */
    public String myAuthorizationJson(long eventId) {
        return http.getText("/api/events/" + eventId + "/authorizations/me", token());
    }

    public static SellerAuthorization readAuthorization(String json) {
        return CenterHttp.readValue(json, SellerAuthorization.class);
    }

    public static EventInfo readEvent(String json) {
        return EventInfo.of(CenterHttp.readValue(json, Event.class));
    }

    public static String json(Object value) {
        return CenterHttp.writeText(value);
    }

    /** Claim 62: the best {@code count} consecutive free seats of a category. */
    public Hold holdBestAvailable(long eventId, int count, String categoryId) {
        return http.postOnce("/api/events/" + eventId + "/holds", token(),
                new HoldRequest(null, new BestAvailable(count, categoryId), null),
                CenterHttp.type(Hold.class));
    }

    public Hold holdStatus(long holdId) {
        return http.get("/api/holds/" + holdId, token(), CenterHttp.type(Hold.class));
    }

    /** Issue 15: a challenge for a member card's INTERNAL AUTHENTICATE, single use, bound to this session's account. */
    public ChipChallenge chipChallenge() {
        return http.post("/api/chip-challenges", token(), java.util.Map.of(), CenterHttp.type(ChipChallenge.class));
    }

    public SaleResult confirmSale(ConfirmSale sale) {
        return http.postOnce("/api/sales", token(), sale, CenterHttp.type(SaleResult.class));
    }

    public Voided voidTicket(String ticketId, String reason, boolean refund) {
        return http.postOnce("/api/tickets/" + ticketId + "/void", token(), new VoidTicket(reason, refund, null, null),
                CenterHttp.type(Voided.class));
    }

    /** The event's whole sales log (issue 13: read a page at a time and joined). */
    public SalesLog salesLog(long eventId) {
        List<SalesLog.Line> lines = new java.util.ArrayList<>();
        long total = 0;
        String after = null;
        do {
            SalesLog page = http.get("/api/sales-log?eventId=" + eventId + "&limit=" + WHOLE_LOG_PAGE
                            + (after == null ? "" : "&after=" + after), token(),
                    CenterHttp.type(SalesLog.class));
            lines.addAll(page.lines());
            total += page.totalMinor();
            after = page.next();
        } while (after != null);
        return joined(lines, total);
    }

    /** Sales a page holds when a caller wants the whole log (the most the center gives). */
    private static final int WHOLE_LOG_PAGE = 50_000;

    public Account registerMember(String loginId, String password, String displayName) {
        return http.post("/api/members", token(), new RegisterMember(loginId, password, displayName),
                CenterHttp.type(Account.class));
    }

    public Account me() {
        return http.get("/api/me", token(), CenterHttp.type(Account.class));
    }

    /**
     * Claims 35, 72: one secure session on a chip. The terminal relays AUTH INIT (its RND.H and the card's answer);
     * the center, which alone holds the chip's static keys, answers an entitled caller with the host cryptogram and
     * this session's MAC key (docs/card-protocol.md §7). No entitlement: a 403 problem.
     */
    public ChipSessionGrant chipSession(ChipSessionRequest request) {
        ChipSessionRequest named = request.terminalId() == null && terminalId != null
                ? new ChipSessionRequest(request.chipId(), request.keyRef(), request.purpose(), request.saleId(),
                request.transferId(), request.eventId(), request.hostChallenge(), request.cardAnswer(), terminalId)
                : request;
        return http.post("/api/chip-sessions", token(), named, CenterHttp.type(ChipSessionGrant.class));
    }

    /** Claim 31: a blank card's PERSONALIZE data, once, for a chip id the center picks. */
    public Personalization personalizeChip(Long memberId) {
        return http.post("/api/chip-personalizations", token(), new PersonalizationRequest(memberId,
                        terminalId),
                CenterHttp.type(Personalization.class));
    }

    /** Claim 31: the personalized chip becomes the member's card. */
    public ChipView registerChip(String chipId, String publicKeyHex, Long memberId) {
        return http.post("/api/chips", token(), new RegisterChip(chipId, publicKeyHex, memberId),
                CenterHttp.type(ChipView.class));
    }

    public ChipView chip(String chipId) {
        return http.get("/api/chips/" + chipId, token(), CenterHttp.type(ChipView.class));
    }

    /** Claims 67, 76: every valid ticket of the chip, sealed for it. */
    public ChipTickets chipTickets(String chipId) {
        return http.get("/api/chips/" + chipId + "/tickets", token(), CenterHttp.type(ChipTickets.class));
    }

    /** Claims 64, 65 (as the assignor member). */
    public Transfer startTransfer(String ticketId, String toChipId, String transferPassword) {
        return http.postOnce("/api/transfers", token(), new StartTransfer(ticketId, toChipId, null, transferPassword),
                CenterHttp.type(Transfer.class));
    }

    /** Claims 66, 79 (as the assignee member). */
    public TransferResult acceptTransfer(long transferId, String transferPassword) {
        return http.postOnce("/api/transfers/" + transferId + "/accept", token(),
                new AcceptTransfer(transferPassword), CenterHttp.type(TransferResult.class));
    }

    /** Issue 14: the assignor takes back a transfer still pending. */
    public Transfer cancelTransfer(long transferId) {
        return http.post("/api/transfers/" + transferId + "/cancellation", token(), java.util.Map.of(),
                CenterHttp.type(Transfer.class));
    }

    // ---- the member's own wallet (issue 14) ----

    public List<ChipView> myChips() {
        return http.get("/api/me/chips", token(), CenterHttp.listOf(ChipView.class));
    }

    public List<MemberTicket> myTickets() {
        return http.get("/api/me/tickets", token(), CenterHttp.listOf(MemberTicket.class));
    }

    public List<MemberTransfer> myTransfers() {
        return http.get("/api/me/transfers", token(), CenterHttp.listOf(MemberTransfer.class));
    }

    /** Claims 64, 65 from home: the assignee named by login id; the ticket goes to their current card. */
    public Transfer startTransferToMember(String ticketId, String toLoginId, String transferPassword) {
        return http.post("/api/transfers", token(), new StartTransfer(ticketId, null, toLoginId,
                transferPassword), CenterHttp.type(Transfer.class));
    }

    /** A lost or stolen card: blocked, its ticket copies revoked at the gates. */
    public BlockedChip blockChip(String chipId, String reason) {
        return http.post("/api/chips/" + chipId + "/block", token(), new BlockChip(reason),
                CenterHttp.type(BlockedChip.class));
    }

    /** Issue 14 at the counter: members whose name or login id contains {@code text}, with their cards. */
    public List<MemberFound> findMembers(String text) {
        return http.get("/api/members?q=" + java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8),
                token(), CenterHttp.listOf(MemberFound.class));
    }

    /** The blocked card's valid tickets, re-issued for the member's new card. */
    public ChipReplacement replaceChip(String fromChipId, String toChipId) {
        return http.post("/api/chips/" + fromChipId + "/replacement", token(), new ReplaceChip(toChipId),
                CenterHttp.type(ChipReplacement.class));
    }

    /** Issue 14: the events the member can buy at home (within the internet-sales authorization). */
    public List<OnSale> eventsOnSale() {
        return http.get("/api/me/events-on-sale", token(), CenterHttp.listOf(OnSale.class));
    }

    /** Claim 32 at home: the picked seats held for the member, lapsing unless bought. */
    public Hold holdAtHome(long eventId, List<String> seatIds) {
        return holdAtHome(eventId, seatIds, java.util.Map.of());
    }

    /** Issue 18: seats and standing places per area id held at home together, bought in one purchase. */
    public Hold holdAtHome(long eventId, List<String> seatIds, java.util.Map<String, Integer> areas) {
        return http.postOnce("/api/me/holds", token(), new MemberHoldRequest(eventId, seatIds, null,
                        areas == null || areas.isEmpty() ? null : java.util.Map.copyOf(areas)),
                CenterHttp.type(Hold.class));
    }

    public List<Hold> myHolds() {
        return http.get("/api/me/holds", token(), CenterHttp.listOf(Hold.class));
    }

    public void releaseHoldAtHome(long holdId) {
        http.delete("/api/me/holds/" + holdId, token());
    }

    /** The member's hold bought for their card: the tickets come back sealed for it, to write there. */
    public SaleResult buyAtHome(Purchase purchase) {
        return http.postOnce("/api/me/purchases", token(), purchase, CenterHttp.type(SaleResult.class));
    }

    // ---- the organizer (claims 29 b-d, 30, 71, 73, 74) ----

    /** Issue 14: the event is cancelled, every valid ticket revoked at the gates. */
    public EventChanged cancelEvent(long eventId, String reason) {
        return http.post("/api/events/" + eventId + "/cancellation", token(), new CancelEvent(reason),
                CenterHttp.type(EventChanged.class));
    }

    /** Issue 14: new dates; every valid ticket re-issued for them (version + 1). */
    public EventChanged moveEvent(long eventId, MoveEvent move) {
        return http.post("/api/events/" + eventId + "/move", token(), move,
                CenterHttp.type(EventChanged.class));
    }

    /** Issue 14: what a cancelled event owes, per seller and payment method. */
    public RefundList refunds(long eventId) {
        return http.get("/api/events/" + eventId + "/refunds", token(), CenterHttp.type(RefundList.class));
    }

    public List<Venue> venues() {
        return http.get("/api/venues", token(), CenterHttp.listOf(Venue.class));
    }

    public Venue createVenue(String name, String address) {
        return http.post("/api/venues", token(), new NewVenue(name, address),
                CenterHttp.type(Venue.class));
    }

    /** Stores the map as the venue's next version; versions never change, events pin one. */
    public SeatMapAdded saveSeatMap(long venueId, SeatMap map) {
        return http.post("/api/venues/" + venueId + "/seat-maps", token(),
                new com.fasterxml.jackson.databind.util.RawValue(SeatMapFormat.toJson(map)),
                CenterHttp.type(SeatMapAdded.class));
    }

    public EventInfo createEvent(RegisterEvent event) {
        return EventInfo.of(http.post("/api/events", token(), event, CenterHttp.type(Event.class)));
    }

    public EventInfo publish(long eventId) {
        return EventInfo.of(http.post("/api/events/" + eventId + "/publish", token(), java.util.Map.of(),
                CenterHttp.type(Event.class)));
    }

    public SellerAuthorization authorize(long eventId, AuthorizeSeller authorization) {
        return http.post("/api/events/" + eventId + "/authorizations", token(), authorization,
                CenterHttp.type(SellerAuthorization.class));
    }

    /** Issue 18: the organizer changes a standing area's capacity (409 capacity-below-sold below what is taken). */
    public AreaCount changeAreaCapacity(long eventId, String areaId, int capacity) {
        return http.post("/api/events/" + eventId + "/areas/" + areaId + "/capacity", token(),
                new AreaCapacity(capacity), CenterHttp.type(AreaCount.class));
    }

    /** Takes free seats back from a seller's block (organizer); sold or held seats stay. */
    public Released releaseSeats(long eventId, long sellerId, List<String> seatIds) {
        return http.postOnce("/api/events/" + eventId + "/authorizations/" + sellerId + "/release", token(),
                new ReleaseSeats(seatIds), CenterHttp.type(Released.class));
    }

    /** Claims 75, 88: every ticket sold in the query's scope, voided ones included (manager, organizer). */
    public SalesLog salesLog(ManagerApiTypes.SalesLogQuery query) {
        List<SalesLog.Line> lines = new java.util.ArrayList<>();
        long total = 0;
        String after = null;
        do {
            SalesLog page = salesLogPage(query, after, WHOLE_LOG_PAGE);
            lines.addAll(page.lines());
            total += page.totalMinor();
            after = page.next();
        } while (after != null);
        return joined(lines, total);
    }

    /** Issue 13: one page of the log, at most {@code limit} whole sales after the cursor {@code after} (null: first). */
    public SalesLog salesLogPage(ManagerApiTypes.SalesLogQuery query, String after, int limit) {
        return http.get(query.pagePath(after, limit), token(), CenterHttp.type(SalesLog.class));
    }

    /** Issue 13: the events and sellers of the query's log, to read it one event and seller at a time. */
    public List<SalesLogGroup> salesLogGroups(ManagerApiTypes.SalesLogQuery query) {
        return http.get(query.groupsPath(), token(), CenterHttp.listOf(SalesLogGroup.class));
    }

    /**
     * The voids, refunds, exchanges and reprints in the query's period (by when they happened), of the sales
     * of its seller and event; the payment method is not a filter here.
     */
    public List<Adjustment> adjustments(ManagerApiTypes.SalesLogQuery query) {
        return adjustments(query, ADJUSTMENTS_PAGE);
    }

    /** The same, asked for {@code pageSize} at a time (issue 13: so no one answer takes long however many there are). */
    public List<Adjustment> adjustments(ManagerApiTypes.SalesLogQuery query, int pageSize) {
        List<Adjustment> all = new java.util.ArrayList<>();
        Adjustment last = null;
        while (true) {
            List<Adjustment> page = http.get(query.adjustmentsPagePath(last, pageSize), token(),
                    CenterHttp.listOf(Adjustment.class));
            all.addAll(page);
            if (page.size() < pageSize) {
                return all;
            }
            last = page.getLast();
        }
    }

    /** Adjustments asked for in one request. */
    static final int ADJUSTMENTS_PAGE = 5_000;

    /** The accounts of one role (SELLER, GATE, …), for an organizer or a manager. */
    public List<Account> accounts(String role) {
        return http.get("/api/accounts?role=" + role, token(), CenterHttp.listOf(Account.class));
    }

    public List<SellerAuthorization> authorizations(long eventId) {
        return http.get("/api/events/" + eventId + "/authorizations", token(),
                CenterHttp.listOf(SellerAuthorization.class));
    }

    public Venue venue(long venueId) {
        return http.get("/api/venues/" + venueId, token(), CenterHttp.type(Venue.class));
    }

    // ---- after-sales at the counter (issue 5) ----

    /** The sales (newest first) holding a ticket id, with a sale id, or issued to a chip; a seller sees its own. */
    public List<SaleView> findSales(String by, String value) {
        return findSales(java.util.Map.of(by, value));
    }

    /**
     * The sales (newest first, at most 50) matching one key of GET /api/sales: saleId, ticketId, chipId, customer
     * (part of a member's name or an attendee), or eventId with seatId; a seller sees its own.
     */
    public List<SaleView> findSales(java.util.Map<String, String> params) {
        String query = params.entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
        return http.get("/api/sales?" + query, token(), CenterHttp.listOf(SaleView.class));
    }

    /** A void with a reason; with refund the price goes back by CASH or CARD (with the card refund's reference). */
    public Voided refundTicket(String ticketId, VoidTicket refund) {
        return http.postOnce("/api/tickets/" + ticketId + "/void", token(), refund, CenterHttp.type(Voided.class));
    }

    /** Returned tickets voided and the held seats issued to the same customer, in one transaction at the center. */
    public ExchangeResult exchangeTickets(Exchange exchange) {
        return http.postOnce("/api/exchanges", token(), exchange, CenterHttp.type(ExchangeResult.class));
    }

    public Reprinted reprintTicket(String ticketId, Reprint reprint) {
        return http.postOnce("/api/tickets/" + ticketId + "/reprints", token(), reprint,
                CenterHttp.type(Reprinted.class));
    }

    /** Voids, refunds, exchanges and reprints of one event with their reasons. */
    public List<Adjustment> afterSalesLog(long eventId) {
        return http.get("/api/sales-log/adjustments?eventId=" + eventId, token(),
                CenterHttp.listOf(Adjustment.class));
    }

    /** Issue 17: the event's tax rates per category and its invoice issuer, for receipts. */
    public dev.tessera.contract.tax.EventTax eventTax(long eventId) {
        return http.get("/api/events/" + eventId + "/tax", token(), CenterHttp.type(dev.tessera.contract.tax.EventTax.class));
    }

    /** Issue 17: the organizer sets the event's country, invoice issuer and category rates (POST …/tax). */
    public dev.tessera.contract.tax.EventTax setEventTax(long eventId, dev.tessera.contract.tax.SetTax tax) {
        return http.post("/api/events/" + eventId + "/tax", token(), tax,
                CenterHttp.type(dev.tessera.contract.tax.EventTax.class));
    }

    public Venue venueOfEvent(EventInfo event) {
        return http.get("/api/venues/" + event.venueId(), token(), CenterHttp.type(Venue.class));
    }

    /** Claim 67: the center's issuer keys, for verifying tickets offline. */
    public List<IssuerKey> issuerKeys() {
        return http.get("/api/issuer-keys", token(), CenterHttp.listOf(IssuerKey.class));
    }

    /** Flow 3: the keys the center certified for offline sales, so a gate admits offline-sold tickets. */
    public List<TerminalRegistration> terminalKeys() {
        return http.get("/api/terminal-keys", token(), CenterHttp.listOf(TerminalRegistration.class));
    }

    /** The event's chips with their gate keys, for opening and marking chip tickets offline. */
    public GatePackage gatePackage(long eventId) {
        return http.get("/api/events/" + eventId + "/gate-package", token(), CenterHttp.type(GatePackage.class));
    }

    /** Revoked ticket versions of the event with an id above {@code afterId}, in id order, a page at a time. */
    public List<RevocationView> revocations(long eventId, long afterId) {
        return http.get("/api/events/" + eventId + "/revocations" + (afterId > 0 ? "?after=" + afterId : ""), token(),
                CenterHttp.listOf(RevocationView.class));
    }

    /** Claim 67: reports an admission; the same report again gets the first answer and counts once. */
    public ScanResult reportScan(Scan report) {
        return http.postOnce("/api/gate/scans", token(), report, CenterHttp.type(ScanResult.class));
    }

    /** Admitted and refused scans per gate of the event, as all gates reported them. */
    public List<GateCount> gateCounts(long eventId) {
        return http.get("/api/events/" + eventId + "/gate-counts", token(), CenterHttp.listOf(GateCount.class));
    }

    /** Issue 5: the notes and coins a till counts in a currency, largest first. */
    public CurrencyDenominations denominations(String currency) {
        return http.get("/api/currencies/" + currency + "/denominations", token(),
                CenterHttp.type(CurrencyDenominations.class));
    }

    public Shift openShift(OpenShift open) {
        return http.postOnce("/api/shifts", token(), open, CenterHttp.type(Shift.class));
    }

    /** This seller's open shift, if any (a seller has at most one). */
    public java.util.Optional<Shift> openShiftOfMine() {
        List<Shift> open = http.get("/api/shifts?status=OPEN", token(),
                CenterHttp.listOf(Shift.class));
        return open.stream().findFirst();
    }

    /** Shifts opened in [from, to) (dates or instants), of one seller or, for a manager, of all. */
    public List<Shift> shifts(Long sellerId, String from, String to) {
        StringBuilder query = new StringBuilder("/api/shifts?");
        if (sellerId != null) {
            query.append("sellerId=").append(sellerId).append('&');
        }
        if (from != null) {
            query.append("from=").append(from).append('&');
        }
        if (to != null) {
            query.append("to=").append(to);
        }
        return http.get(query.toString(), token(), CenterHttp.listOf(Shift.class));
    }

    public Shift shift(long shiftId) {
        return http.get("/api/shifts/" + shiftId, token(), CenterHttp.type(Shift.class));
    }

    public Shift closeShift(long shiftId, CloseShift close) {
        return http.postOnce("/api/shifts/" + shiftId + "/close", token(), close, CenterHttp.type(Shift.class));
    }

    public void signOut() {
        http.delete("/api/sessions", token());
    }

    SignedIn session() {
        return session;
    }

    String token() {
        return session.token();
    }

    /** A whole log read page by page: its lines and total; the breakdowns are the pages' and not joined. */
    private static SalesLog joined(List<SalesLog.Line> lines, long totalMinor) {
        return new SalesLog(null, lines, lines.size(), totalMinor, List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), null);
    }
}
