package dev.tessera.center.http;

import dev.tessera.center.account.Principal;
import dev.tessera.contract.gate.GatePackage;
import dev.tessera.contract.chip.ChipKeyUse;
import dev.tessera.contract.chip.Personalization;
import dev.tessera.contract.chip.PersonalizationRequest;
import dev.tessera.contract.chip.ChipSessionGrant;
import dev.tessera.contract.chip.ChipSessionRequest;
import dev.tessera.contract.event.AreaCapacity;
import dev.tessera.contract.event.AuthorizeSeller;
import dev.tessera.contract.event.RegisterEvent;
import dev.tessera.contract.event.ReleaseSeats;
import dev.tessera.contract.event.Released;
import dev.tessera.contract.gate.DoorState;
import dev.tessera.contract.gate.GateCount;
import dev.tessera.contract.gate.RevocationView;
import dev.tessera.contract.gate.Scan;
import dev.tessera.contract.gate.ScanResult;
import dev.tessera.center.http.Endpoint.Body;
import dev.tessera.contract.availability.AreaCount;
import dev.tessera.contract.event.CancelEvent;
import dev.tessera.contract.event.EventChanged;
import dev.tessera.contract.event.MoveEvent;
import dev.tessera.contract.event.RefundList;
import dev.tessera.contract.health.Health;
import dev.tessera.contract.sales.MemberHoldRequest;
import dev.tessera.contract.sales.OnSale;
import dev.tessera.contract.sales.Purchase;
import dev.tessera.contract.availability.AvailabilityDelta;
import dev.tessera.contract.availability.Availability;
import dev.tessera.contract.availability.SeatChanges;
import dev.tessera.contract.availability.SeatStreamWatching;
import dev.tessera.contract.member.ChipChallenge;
import dev.tessera.contract.member.MemberFound;
import dev.tessera.contract.chip.RegisterChip;
import dev.tessera.contract.member.RegisterMember;
import dev.tessera.contract.aftersales.Adjustment;
import dev.tessera.contract.aftersales.Reprint;
import dev.tessera.contract.aftersales.Reprinted;
import dev.tessera.contract.aftersales.SaleView;
import dev.tessera.contract.sales.HoldRequest;
import dev.tessera.contract.sales.ConfirmSale;
import dev.tessera.contract.sales.Exchange;
import dev.tessera.contract.sales.ExchangeResult;
import dev.tessera.contract.sales.SaleResult;
import dev.tessera.contract.sales.SellNow;
import dev.tessera.contract.sales.VoidTicket;
import dev.tessera.contract.sales.Voided;
import dev.tessera.contract.saleslog.SalesLog;
import dev.tessera.contract.saleslog.SalesLogGroup;
import dev.tessera.contract.shift.CloseShift;
import dev.tessera.contract.shift.CurrencyDenominations;
import dev.tessera.contract.shift.OpenShift;
import dev.tessera.contract.shift.Shift;
import dev.tessera.contract.terminal.JournalPush;
import dev.tessera.contract.terminal.JournalPushResult;
import dev.tessera.contract.terminal.RegisterTerminal;
import dev.tessera.contract.terminal.TerminalRegistration;
import dev.tessera.contract.member.BlockChip;
import dev.tessera.contract.member.BlockedChip;
import dev.tessera.contract.member.ReplaceChip;
import dev.tessera.contract.member.ChipReplacement;
import dev.tessera.contract.member.MemberTicket;
import dev.tessera.contract.member.MemberTransfer;
import dev.tessera.contract.transfer.AcceptTransfer;
import dev.tessera.contract.transfer.StartTransfer;
import dev.tessera.contract.transfer.TransferResult;
import dev.tessera.contract.transfer.Transfer;
import dev.tessera.core.model.Event;
import dev.tessera.core.model.Hold;
import dev.tessera.core.model.SellerAuthorization;
import dev.tessera.core.model.TicketMaster;
import dev.tessera.core.model.Venue;
import java.util.List;
import java.util.Set;
import dev.tessera.contract.chip.ChipView;
import dev.tessera.contract.chip.ChipTickets;
import dev.tessera.contract.gate.IssuerKey;
import dev.tessera.contract.account.Login;
import dev.tessera.contract.account.SignedIn;
import dev.tessera.contract.account.NewAccount;
import dev.tessera.contract.venue.NewVenue;
import dev.tessera.contract.venue.SeatMapAdded;

/**
 * Every operation of the center's API: the table {@link CenterApi} registers its routes from (method, path, the
 * record it reads, the record it writes, its statuses). docs/openapi.json is held to this table by
 * {@code OpenApiContractTest}: a route, a field or a status that one has and the other lacks fails the build.
 */
public final class Endpoints {
    private Endpoints() {}

    public static final Endpoint<Void, Health> HEALTH = new Endpoint<>("GET", "/health",
            Body.NONE, Body.of(Health.class), 200, Set.of(), Set.of(503));
    public static final Endpoint<Void, Void> API_DESCRIPTION = new Endpoint<>("GET", "/openapi.json",
            Body.NONE, Body.RAW, 200, Set.of());
    public static final Endpoint<Login, SignedIn> SIGN_IN = new Endpoint<>("POST", "/api/sessions",
            Body.of(Login.class), Body.of(SignedIn.class), 201, Set.of(400, 401, 413, 429, 503));
    public static final Endpoint<Void, Void> SIGN_OUT = new Endpoint<>("DELETE", "/api/sessions",
            Body.NONE, Body.NONE, 204, Set.of(401, 503));
    public static final Endpoint<Void, Principal> ME = new Endpoint<>("GET", "/api/me",
            Body.NONE, Body.of(Principal.class), 200, Set.of(401, 503));
    public static final Endpoint<NewAccount, Principal> CREATE_ACCOUNT = new Endpoint<>("POST", "/api/accounts",
            Body.of(NewAccount.class), Body.of(Principal.class), 201, Set.of(400, 401, 403, 409, 413, 503));
    public static final Endpoint<Void, List<Principal>> ACCOUNTS = new Endpoint<>("GET", "/api/accounts",
            Body.NONE, Body.listOf(Principal.class), 200, Set.of(400, 401, 403, 503));
    public static final Endpoint<NewVenue, Venue> CREATE_VENUE = new Endpoint<>("POST", "/api/venues",
            Body.of(NewVenue.class), Body.of(Venue.class), 201, Set.of(400, 401, 403, 413, 503));
    public static final Endpoint<Void, List<Venue>> VENUES = new Endpoint<>("GET", "/api/venues",
            Body.NONE, Body.listOf(Venue.class), 200, Set.of(401, 403, 503));
    public static final Endpoint<Void, Venue> VENUE = new Endpoint<>("GET", "/api/venues/{venueId}",
            Body.NONE, Body.of(Venue.class), 200, Set.of(400, 401, 403, 404, 503));
    public static final Endpoint<Void, SeatMapAdded> ADD_SEAT_MAP = new Endpoint<>("POST", "/api/venues/{venueId}/seat-maps",
            Body.RAW, Body.of(SeatMapAdded.class), 201, Set.of(400, 401, 403, 404, 413, 503));
    public static final Endpoint<Void, Void> SEAT_MAP = new Endpoint<>("GET", "/api/venues/{venueId}/seat-maps/{version}",
            Body.NONE, Body.RAW, 200, Set.of(400, 401, 403, 404, 503));
    public static final Endpoint<RegisterEvent, Event> REGISTER_EVENT = new Endpoint<>("POST", "/api/events",
            Body.of(RegisterEvent.class), Body.of(Event.class), 201, Set.of(400, 401, 403, 404, 413, 503));
    public static final Endpoint<Void, List<Event>> EVENTS = new Endpoint<>("GET", "/api/events",
            Body.NONE, Body.listOf(Event.class), 200, Set.of(401, 503));
    public static final Endpoint<Void, Event> EVENT = new Endpoint<>("GET", "/api/events/{eventId}",
            Body.NONE, Body.of(Event.class), 200, Set.of(400, 401, 404, 503));
    public static final Endpoint<Void, Event> PUBLISH_EVENT = new Endpoint<>("POST", "/api/events/{eventId}/publish",
            Body.NONE, Body.of(Event.class), 200, Set.of(400, 401, 403, 404, 409, 503));
    public static final Endpoint<AuthorizeSeller, SellerAuthorization> AUTHORIZE_SELLER = new Endpoint<>("POST", "/api/events/{eventId}/authorizations",
            Body.of(AuthorizeSeller.class), Body.of(SellerAuthorization.class), 201, Set.of(400, 401, 403, 404, 409, 413, 503));
    public static final Endpoint<Void, List<SellerAuthorization>> AUTHORIZATIONS = new Endpoint<>("GET", "/api/events/{eventId}/authorizations",
            Body.NONE, Body.listOf(SellerAuthorization.class), 200, Set.of(400, 401, 403, 404, 503));
    public static final Endpoint<ReleaseSeats, Released> RELEASE_SEATS = new Endpoint<>("POST", "/api/events/{eventId}/authorizations/{sellerId}/release",
            Body.of(ReleaseSeats.class), Body.of(Released.class), 200, Set.of(400, 401, 403, 404, 409, 413, 422, 503));
    public static final Endpoint<Void, SellerAuthorization> MY_AUTHORIZATION = new Endpoint<>("GET", "/api/events/{eventId}/authorizations/me",
            Body.NONE, Body.of(SellerAuthorization.class), 200, Set.of(400, 401, 403, 404, 503));
    public static final Endpoint<Void, Object> SEATS = new Endpoint<>("GET", "/api/events/{eventId}/seats",
            Body.NONE, Body.oneOf(Availability.class, AvailabilityDelta.class), 200, Set.of(400, 401, 403, 404, 503));
    public static final Endpoint<Void, Void> SEAT_STREAM = new Endpoint<>("GET", "/api/events/{eventId}/seats/stream",
            Body.NONE, Body.eventStream(SeatStreamWatching.class, SeatChanges.class), 200, Set.of(400, 401, 403, 404, 406, 503));
    /** Issue 18: the event's standing areas with their places (capacity, held, sold, allocated, remaining, admitted). */
    public static final Endpoint<Void, List<AreaCount>> AREAS = new Endpoint<>("GET", "/api/events/{eventId}/areas",
            Body.NONE, Body.listOf(AreaCount.class), 200, Set.of(400, 401, 403, 404, 503));
    public static final Endpoint<AreaCapacity, AreaCount> AREA_CAPACITY = new Endpoint<>("POST", "/api/events/{eventId}/areas/{areaId}/capacity",
            Body.of(AreaCapacity.class), Body.of(AreaCount.class), 200, Set.of(400, 401, 403, 404, 409, 413, 422, 503));
    public static final Endpoint<DoorState, AreaCount> AREA_DOOR = new Endpoint<>("POST", "/api/events/{eventId}/areas/{areaId}/door",
            Body.of(DoorState.class), Body.of(AreaCount.class), 200, Set.of(400, 401, 403, 404, 413, 422, 503));
    public static final Endpoint<Void, List<RevocationView>> REVOCATIONS = new Endpoint<>("GET", "/api/events/{eventId}/revocations",
            Body.NONE, Body.listOf(RevocationView.class), 200, Set.of(400, 401, 403, 503));
    public static final Endpoint<HoldRequest, Hold> HOLD = new Endpoint<>("POST", "/api/events/{eventId}/holds",
            Body.of(HoldRequest.class), Body.of(Hold.class), 201, Set.of(400, 401, 403, 404, 409, 413, 422, 503));
    public static final Endpoint<Void, List<Hold>> MY_HOLDS = new Endpoint<>("GET", "/api/holds",
            Body.NONE, Body.listOf(Hold.class), 200, Set.of(400, 401, 403, 503));
    public static final Endpoint<Void, Hold> HOLD_OF_SELLER = new Endpoint<>("GET", "/api/holds/{holdId}",
            Body.NONE, Body.of(Hold.class), 200, Set.of(400, 401, 403, 404, 503));
    public static final Endpoint<Void, Void> RELEASE_HOLD = new Endpoint<>("DELETE", "/api/holds/{holdId}",
            Body.NONE, Body.NONE, 204, Set.of(400, 401, 403, 404, 409, 503));
    public static final Endpoint<Void, ChipChallenge> CHIP_CHALLENGE = new Endpoint<>("POST", "/api/chip-challenges",
            Body.NONE, Body.of(ChipChallenge.class), 201, Set.of(401, 403, 503));
    /** Issue 13: a counter sale paid at once, seats taken and sold in one request and one transaction. */
    public static final Endpoint<SellNow, SaleResult> SELL_NOW = new Endpoint<>("POST", "/api/events/{eventId}/sales",
            Body.of(SellNow.class), Body.of(SaleResult.class), 201, Set.of(400, 401, 403, 404, 409, 413, 422, 503));
    public static final Endpoint<Void, List<SaleView>> FIND_SALES = new Endpoint<>("GET", "/api/sales",
            Body.NONE, Body.listOf(SaleView.class), 200, Set.of(400, 401, 403, 503));
    public static final Endpoint<ConfirmSale, SaleResult> CONFIRM_SALE = new Endpoint<>("POST", "/api/sales",
            Body.of(ConfirmSale.class), Body.of(SaleResult.class), 201, Set.of(400, 401, 403, 404, 409, 413, 422, 503), Set.of(200));
    public static final Endpoint<Void, SalesLog> SALES_LOG = new Endpoint<>("GET", "/api/sales-log",
            Body.NONE, Body.of(SalesLog.class), 200, Set.of(400, 401, 403, 503));
    /** Issue 13: the events and sellers of a sales log, to read it one event and seller at a time. */
    public static final Endpoint<Void, List<SalesLogGroup>> SALES_LOG_GROUPS = new Endpoint<>("GET",
            "/api/sales-log/groups", Body.NONE, Body.listOf(SalesLogGroup.class), 200, Set.of(400, 401, 403, 503));
    public static final Endpoint<RegisterMember, Principal> REGISTER_MEMBER = new Endpoint<>("POST", "/api/members",
            Body.of(RegisterMember.class), Body.of(Principal.class), 201, Set.of(400, 401, 403, 409, 413, 503),
            Set.of(200));
    /** Issue 14: the counter finds a member by part of their name or login id, with their cards (lost-card screen). */
    public static final Endpoint<Void, List<MemberFound>> FIND_MEMBERS = new Endpoint<>("GET", "/api/members",
            Body.NONE, Body.listOf(MemberFound.class), 200, Set.of(400, 401, 403, 503));
    public static final Endpoint<RegisterChip, ChipView> REGISTER_CHIP = new Endpoint<>("POST", "/api/chips",
            Body.of(RegisterChip.class), Body.of(ChipView.class), 201, Set.of(400, 401, 403, 409, 413, 503));
    public static final Endpoint<Void, ChipView> CHIP = new Endpoint<>("GET", "/api/chips/{chipId}",
            Body.NONE, Body.of(ChipView.class), 200, Set.of(401, 403, 404, 503));
    public static final Endpoint<Void, ChipTickets> CHIP_TICKETS = new Endpoint<>("GET", "/api/chips/{chipId}/tickets",
            Body.NONE, Body.of(ChipTickets.class), 200, Set.of(401, 403, 404, 503));
    public static final Endpoint<Void, List<ChipView>> MY_CHIPS = new Endpoint<>("GET", "/api/me/chips",
            Body.NONE, Body.listOf(ChipView.class), 200, Set.of(401, 403, 503));
    public static final Endpoint<StartTransfer, Transfer> START_TRANSFER = new Endpoint<>("POST", "/api/transfers",
            Body.of(StartTransfer.class), Body.of(Transfer.class), 201, Set.of(400, 401, 403, 404, 409, 413, 422, 503));
    public static final Endpoint<Void, Transfer> TRANSFER = new Endpoint<>("GET", "/api/transfers/{transferId}",
            Body.NONE, Body.of(Transfer.class), 200, Set.of(400, 401, 403, 404, 503));
    public static final Endpoint<AcceptTransfer, TransferResult> ACCEPT_TRANSFER = new Endpoint<>("POST", "/api/transfers/{transferId}/accept",
            Body.of(AcceptTransfer.class), Body.of(TransferResult.class), 200, Set.of(400, 401, 403, 404, 409, 413, 422, 429, 503));
    public static final Endpoint<Void, Transfer> CANCEL_TRANSFER = new Endpoint<>("POST", "/api/transfers/{transferId}/cancellation",
            Body.NONE, Body.of(Transfer.class), 200, Set.of(400, 401, 403, 404, 409, 503));
    public static final Endpoint<Void, List<MemberTicket>> MY_TICKETS = new Endpoint<>("GET", "/api/me/tickets",
            Body.NONE, Body.listOf(MemberTicket.class), 200, Set.of(401, 403, 503));
    public static final Endpoint<Void, List<MemberTransfer>> MY_TRANSFERS = new Endpoint<>("GET", "/api/me/transfers",
            Body.NONE, Body.listOf(MemberTransfer.class), 200, Set.of(401, 403, 503));
    public static final Endpoint<BlockChip, BlockedChip> BLOCK_CHIP = new Endpoint<>("POST", "/api/chips/{chipId}/block",
            Body.of(BlockChip.class), Body.of(BlockedChip.class), 200, Set.of(400, 401, 403, 404, 409, 413, 503));
    public static final Endpoint<ReplaceChip, ChipReplacement> REPLACE_CHIP = new Endpoint<>("POST",
            "/api/chips/{chipId}/replacement", Body.of(ReplaceChip.class), Body.of(ChipReplacement.class), 200,
            Set.of(400, 401, 403, 404, 409, 413, 503));
    public static final Endpoint<Void, List<GateCount>> GATE_COUNTS = new Endpoint<>("GET", "/api/events/{eventId}/gate-counts",
            Body.NONE, Body.listOf(GateCount.class), 200, Set.of(400, 401, 403, 404, 503));
    public static final Endpoint<Scan, ScanResult> SCAN = new Endpoint<>("POST", "/api/gate/scans",
            Body.of(Scan.class), Body.of(ScanResult.class), 200, Set.of(400, 401, 403, 409, 413, 422, 503));
    public static final Endpoint<Void, List<IssuerKey>> ISSUER_KEYS = new Endpoint<>("GET", "/api/issuer-keys",
            Body.NONE, Body.listOf(IssuerKey.class), 200, Set.of(401, 503));
    public static final Endpoint<Void, TicketMaster> TICKET_MASTER = new Endpoint<>("GET", "/api/events/{eventId}/ticket-master",
            Body.NONE, Body.of(TicketMaster.class), 200, Set.of(400, 401, 403, 404, 503));
    public static final Endpoint<RegisterTerminal, TerminalRegistration> REGISTER_TERMINAL = new Endpoint<>("POST", "/api/terminals",
            Body.of(RegisterTerminal.class), Body.of(TerminalRegistration.class), 201, Set.of(400, 401, 403, 409, 413, 503));
    public static final Endpoint<Void, TerminalRegistration> TERMINAL = new Endpoint<>("GET", "/api/terminals/{terminalId}",
            Body.NONE, Body.of(TerminalRegistration.class), 200, Set.of(401, 403, 404, 503));
    public static final Endpoint<JournalPush, JournalPushResult> PUSH_JOURNAL = new Endpoint<>("POST", "/api/terminals/{terminalId}/journal",
            Body.of(JournalPush.class), Body.of(JournalPushResult.class), 200, Set.of(400, 401, 403, 404, 409, 413, 503));
    public static final Endpoint<Exchange, ExchangeResult> EXCHANGE = new Endpoint<>("POST", "/api/exchanges",
            Body.of(Exchange.class), Body.of(ExchangeResult.class), 201, Set.of(400, 401, 403, 404, 409, 413, 422, 503));
    public static final Endpoint<Reprint, Reprinted> REPRINT = new Endpoint<>("POST", "/api/tickets/{ticketId}/reprints",
            Body.of(Reprint.class), Body.of(Reprinted.class), 201, Set.of(400, 401, 403, 404, 409, 413, 422, 503));
    public static final Endpoint<Void, List<Adjustment>> ADJUSTMENTS = new Endpoint<>("GET", "/api/sales-log/adjustments",
            Body.NONE, Body.listOf(Adjustment.class), 200, Set.of(400, 401, 403, 503));
    public static final Endpoint<VoidTicket, Voided> VOID_TICKET = new Endpoint<>("POST", "/api/tickets/{ticketId}/void",
            Body.of(VoidTicket.class), Body.of(Voided.class), 200, Set.of(400, 401, 403, 404, 409, 413, 422, 503));
    public static final Endpoint<Void, List<TerminalRegistration>> TERMINAL_KEYS = new Endpoint<>("GET", "/api/terminal-keys",
            Body.NONE, Body.listOf(TerminalRegistration.class), 200, Set.of(401, 403, 503));
    public static final Endpoint<ChipSessionRequest, ChipSessionGrant> CHIP_SESSION = new Endpoint<>("POST", "/api/chip-sessions",
            Body.of(ChipSessionRequest.class), Body.of(ChipSessionGrant.class), 200, Set.of(400, 401, 403, 409, 413, 503));
    public static final Endpoint<PersonalizationRequest, Personalization> CHIP_PERSONALIZATION = new Endpoint<>("POST",
            "/api/chip-personalizations", Body.of(PersonalizationRequest.class), Body.of(Personalization.class), 201,
            Set.of(400, 401, 403, 404, 413, 503));
    public static final Endpoint<Void, List<ChipKeyUse>> CHIP_KEY_USES = new Endpoint<>("GET", "/api/chips/{chipId}/key-uses",
            Body.NONE, Body.listOf(ChipKeyUse.class), 200, Set.of(400, 401, 403, 503));
    public static final Endpoint<Void, GatePackage> GATE_PACKAGE = new Endpoint<>("GET", "/api/events/{eventId}/gate-package",
            Body.NONE, Body.of(GatePackage.class), 200, Set.of(400, 401, 403, 404, 503));
    public static final Endpoint<Void, CurrencyDenominations> DENOMINATIONS = new Endpoint<>("GET", "/api/currencies/{currency}/denominations",
            Body.NONE, Body.of(CurrencyDenominations.class), 200, Set.of(400, 401, 403, 503));
    public static final Endpoint<OpenShift, Shift> OPEN_SHIFT = new Endpoint<>("POST", "/api/shifts",
            Body.of(OpenShift.class), Body.of(Shift.class), 201, Set.of(400, 401, 403, 409, 413, 422, 503));
    public static final Endpoint<Void, List<Shift>> SHIFTS = new Endpoint<>("GET", "/api/shifts",
            Body.NONE, Body.listOf(Shift.class), 200, Set.of(400, 401, 403, 503));
    public static final Endpoint<Void, Shift> SHIFT = new Endpoint<>("GET", "/api/shifts/{shiftId}",
            Body.NONE, Body.of(Shift.class), 200, Set.of(400, 401, 403, 404, 503));
    public static final Endpoint<CloseShift, Shift> CLOSE_SHIFT = new Endpoint<>("POST", "/api/shifts/{shiftId}/close",
            Body.of(CloseShift.class), Body.of(Shift.class), 200, Set.of(400, 401, 403, 404, 409, 413, 422, 503));
    public static final Endpoint<Void, List<OnSale>> ON_SALE_ONLINE = new Endpoint<>("GET", "/api/me/events-on-sale",
            Body.NONE, Body.listOf(OnSale.class), 200, Set.of(401, 403, 503));
    public static final Endpoint<MemberHoldRequest, Hold> MEMBER_HOLD = new Endpoint<>("POST", "/api/me/holds",
            Body.of(MemberHoldRequest.class), Body.of(Hold.class), 201,
            Set.of(400, 401, 403, 404, 409, 413, 422, 503));
    public static final Endpoint<Void, List<Hold>> MEMBER_HOLDS = new Endpoint<>("GET", "/api/me/holds",
            Body.NONE, Body.listOf(Hold.class), 200, Set.of(401, 403, 503));
    public static final Endpoint<Void, Void> RELEASE_MEMBER_HOLD = new Endpoint<>("DELETE", "/api/me/holds/{holdId}",
            Body.NONE, Body.NONE, 204, Set.of(400, 401, 403, 404, 409, 503));
    public static final Endpoint<Purchase, SaleResult> PURCHASE = new Endpoint<>("POST", "/api/me/purchases",
            Body.of(Purchase.class), Body.of(SaleResult.class), 201, Set.of(400, 401, 403, 404, 409, 413, 422, 503),
            Set.of(200));
    public static final Endpoint<CancelEvent, EventChanged> CANCEL_EVENT = new Endpoint<>("POST",
            "/api/events/{eventId}/cancellation", Body.of(CancelEvent.class), Body.of(EventChanged.class), 200,
            Set.of(400, 401, 403, 404, 409, 413, 503));
    public static final Endpoint<MoveEvent, EventChanged> MOVE_EVENT = new Endpoint<>("POST",
            "/api/events/{eventId}/move", Body.of(MoveEvent.class), Body.of(EventChanged.class), 200,
            Set.of(400, 401, 403, 404, 409, 413, 503));
    public static final Endpoint<Void, RefundList> REFUNDS = new Endpoint<>("GET", "/api/events/{eventId}/refunds",
            Body.NONE, Body.of(RefundList.class), 200, Set.of(400, 401, 403, 404, 409, 503));
    /**
     * The POSTs that create or move money or seats: each takes an {@code Idempotency-Key} header and is run once per
     * account and key (docs/operations.md "Idempotency keys"); and the gate's scan report, whose retry would otherwise
     * turn a lost "admitted" into "already used". Terminal journal pushes carry their own entry ids; chip sessions and
     * personalizations answer with keys, which are not kept.
     */
    public static final Set<Endpoint<?, ?>> IDEMPOTENT = Set.of(HOLD, CONFIRM_SALE, SELL_NOW, EXCHANGE, REPRINT, VOID_TICKET,
            START_TRANSFER, ACCEPT_TRANSFER, MEMBER_HOLD, PURCHASE, OPEN_SHIFT, CLOSE_SHIFT, RELEASE_SEATS, SCAN);
    /**
     * Issue 13: the idempotent routes whose work keeps every answer that commits in its own transaction, so that their
     * Idempotency-Key is written with that answer, not claimed in a transaction of its own before the work
     * (docs/operations.md "Idempotency keys"): a hold, a confirmation and a sale paid at once.
     */
    public static final Set<Endpoint<?, ?>> KEY_WITH_WORK = Set.of(HOLD, CONFIRM_SALE, SELL_NOW);
    /** Issue 17 (the types named in full: an import would move the lines the frozen cycle store lists in its order). */
    public static final Endpoint<Void, dev.tessera.contract.tax.EventTax> EVENT_TAX = new Endpoint<>("GET",
            "/api/events/{eventId}/tax", Body.NONE, Body.of(dev.tessera.contract.tax.EventTax.class), 200,
            Set.of(400, 401, 403, 404, 503));
    public static final Endpoint<dev.tessera.contract.tax.SetTax, dev.tessera.contract.tax.EventTax>
            SET_EVENT_TAX = new Endpoint<>("POST", "/api/events/{eventId}/tax",
            Body.of(dev.tessera.contract.tax.SetTax.class),
            Body.of(dev.tessera.contract.tax.EventTax.class), 200, Set.of(400, 401, 403, 404, 413, 503));

    public static final List<Endpoint<?, ?>> ALL = List.of(HEALTH, API_DESCRIPTION, SIGN_IN, SIGN_OUT, ME, CREATE_ACCOUNT, ACCOUNTS, CREATE_VENUE, VENUES, VENUE, ADD_SEAT_MAP, SEAT_MAP, REGISTER_EVENT, EVENTS, EVENT, PUBLISH_EVENT, AUTHORIZE_SELLER, AUTHORIZATIONS, RELEASE_SEATS, MY_AUTHORIZATION, SEATS, SEAT_STREAM, AREAS, AREA_CAPACITY, AREA_DOOR, REVOCATIONS, HOLD, HOLD_OF_SELLER, RELEASE_HOLD, MY_HOLDS, CHIP_CHALLENGE, FIND_SALES, CONFIRM_SALE, SELL_NOW, SALES_LOG, SALES_LOG_GROUPS, FIND_MEMBERS, REGISTER_MEMBER, REGISTER_CHIP, CHIP, CHIP_TICKETS, MY_CHIPS, START_TRANSFER, TRANSFER, ACCEPT_TRANSFER, CANCEL_TRANSFER, MY_TICKETS, MY_TRANSFERS, BLOCK_CHIP, REPLACE_CHIP, GATE_COUNTS, SCAN, ISSUER_KEYS, TICKET_MASTER, REGISTER_TERMINAL, TERMINAL, PUSH_JOURNAL, EXCHANGE, REPRINT, ADJUSTMENTS, VOID_TICKET, TERMINAL_KEYS, CHIP_SESSION, CHIP_PERSONALIZATION, CHIP_KEY_USES, GATE_PACKAGE, DENOMINATIONS, OPEN_SHIFT, SHIFTS, SHIFT, CLOSE_SHIFT, ON_SALE_ONLINE, MEMBER_HOLD, MEMBER_HOLDS, RELEASE_MEMBER_HOLD, PURCHASE, CANCEL_EVENT, MOVE_EVENT, REFUNDS, EVENT_TAX, SET_EVENT_TAX);
}
