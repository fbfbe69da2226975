package dev.tessera.center;

import dev.tessera.center.account.AccountService;
import dev.tessera.center.chipkeys.ChipKeyService;
import dev.tessera.center.chipkeys.ChipSessionService;
import dev.tessera.center.db.Database;
import dev.tessera.center.event.EventService;
import dev.tessera.center.gate.GateService;
import dev.tessera.center.http.Json;
import dev.tessera.center.idempotency.IdempotencyStore;
import dev.tessera.center.keys.ChipKek;
import dev.tessera.center.keys.IssuerKeys;
import dev.tessera.center.keys.TrustedKeys;
import dev.tessera.center.live.AvailabilityService;
import dev.tessera.center.live.SeatStatusFeed;
import dev.tessera.center.member.MemberService;
import dev.tessera.center.sales.AfterSalesService;
import dev.tessera.center.sales.EventChanges;
import dev.tessera.center.sales.HoldService;
import dev.tessera.center.sales.InternetSales;
import dev.tessera.center.sales.OfflineSales;
import dev.tessera.center.sales.SaleService;
import dev.tessera.center.sales.TicketFactory;
import dev.tessera.center.sales.VoidService;
import dev.tessera.center.saleslog.SalesLogService;
import dev.tessera.center.shift.ShiftService;
import dev.tessera.center.tax.EventTaxes;
import dev.tessera.center.terminal.TerminalService;
import dev.tessera.center.transfer.LostCards;
import dev.tessera.center.transfer.MemberTickets;
import dev.tessera.center.transfer.TransferService;
import dev.tessera.center.venue.VenueService;
import dev.tessera.core.crypto.PasswordHasher;
import java.time.Clock;

/**
 * The center's services, wired once per running center: the one place that builds them, each with the configured
 * clock ({@link CenterConfig#clock()}), so that a test stepping that clock steps every service. The HTTP layer
 * ({@code http.CenterApi}) only routes to them.
 */
public record Services(Database db, AccountService accounts, VenueService venues, EventService events,
                       HoldService holds, SaleService sales, MemberService members, TransferService transfers,
                       GateService gate, SalesLogService salesLog, AvailabilityService availability,
                       SeatStatusFeed feed, IssuerKeys keys, TrustedKeys trustedKeys, TerminalService terminals,
                       VoidService voids, Clock clock, ChipKeyService chipKeys, ChipSessionService chipSessions,
                       ShiftService shifts, AfterSalesService afterSales, MemberTickets memberTickets,
                       LostCards lostCards, InternetSales internetSales, EventChanges eventChanges,
                       EventTaxes taxes, IdempotencyStore idempotency) {

    public static Services wire(Database db, CenterConfig config) {
        Clock clock = config.clock();
        PasswordHasher hasher = config.passwordHasher();
        AccountService accounts = new AccountService(db, hasher, clock, config.sessionTtl());
        VenueService venues = new VenueService(db, clock);
        EventService events = new EventService(db, venues, clock);
        SeatStatusFeed feed = new SeatStatusFeed();
        HoldService holds = new HoldService(db, events, feed, clock, config.holdPeriod());
        MemberService members = new MemberService(db, accounts, clock);
        ChipKek kek = config.chipKekSource().openOrCreate();
        ChipKek previousKek = config.previousChipKek() == null ? null : config.previousChipKek().open();
        IssuerKeys keys = IssuerKeys.loadOrCreate(db, clock, kek, previousKek);
        TicketFactory factory = new TicketFactory(keys);
        SaleService sales = new SaleService(db, events, holds, accounts, members, factory, feed, clock);
        TransferService transfers = new TransferService(db, members, factory, hasher, clock,
                config.transferValidity());
        TrustedKeys trusted = new TrustedKeys(keys, db);
        GateService gate = new GateService(db, trusted, clock);
        TerminalService terminals = new TerminalService(db, keys, new OfflineSales(events, trusted, clock), feed,
                Json.MAPPER, clock);
        ChipKeyService chipKeys = ChipKeyService.loadOrCreate(db, clock, kek, previousKek);
        InternetSales internetSales = new InternetSales(db, accounts, events, holds, sales, members, clock);
        // the channel is there for the organizer to authorize before any member asks for it
        internetSales.channel();
        return new Services(db, accounts, venues, events, holds, sales, members, transfers, gate,
                new SalesLogService(db), new AvailabilityService(db), feed, keys, trusted, terminals,
                new VoidService(db, feed, clock), clock, chipKeys, new ChipSessionService(db, clock, chipKeys),
                new ShiftService(db, clock), new AfterSalesService(db, factory, clock), new MemberTickets(db, clock),
                new LostCards(db, members, factory, clock), internetSales, new EventChanges(db, events, factory, clock),
                new EventTaxes(db, clock), new IdempotencyStore(db, clock));
    }
}
