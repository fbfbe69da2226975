package dev.tessera.center;

import dev.tessera.center.account.AccountService;
import dev.tessera.center.db.Database;
import dev.tessera.center.event.EventService;
import dev.tessera.center.gate.GateService;
import dev.tessera.center.http.Json;
import dev.tessera.center.keys.IssuerKeys;
import dev.tessera.center.keys.TrustedKeys;
import dev.tessera.center.sales.OfflineSales;
import dev.tessera.center.sales.VoidService;
import dev.tessera.center.terminal.TerminalService;
import dev.tessera.center.live.AvailabilityService;
import dev.tessera.center.live.SeatStatusFeed;
import dev.tessera.center.member.MemberService;
import dev.tessera.center.sales.HoldService;
import dev.tessera.center.sales.SaleService;
import dev.tessera.center.sales.TicketFactory;
import dev.tessera.center.saleslog.SalesLogService;
import dev.tessera.center.transfer.TransferService;
import dev.tessera.center.venue.VenueService;
import dev.tessera.core.crypto.PasswordHasher;
import dev.tessera.center.keys.ChipKek;
import dev.tessera.center.chipkeys.ChipKeyService;
import java.time.Clock;

/** The center's services, wired once per running center. */
public record Services(Database db, AccountService accounts, VenueService venues, EventService events,
                       HoldService holds, SaleService sales, MemberService members, TransferService transfers,
                       GateService gate, SalesLogService salesLog, AvailabilityService availability,
                       SeatStatusFeed feed, IssuerKeys keys, TrustedKeys trustedKeys, TerminalService terminals,
                       VoidService voids, Clock clock, ChipKeyService chipKeys) {

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
        TransferService transfers = new TransferService(db, members, factory, hasher, clock);
        TrustedKeys trusted = new TrustedKeys(keys, db);
        GateService gate = new GateService(db, trusted, clock);
        TerminalService terminals = new TerminalService(db, keys, new OfflineSales(events, trusted, clock), feed,
                Json.MAPPER, clock);
        return new Services(db, accounts, venues, events, holds, sales, members, transfers, gate,
                new SalesLogService(db), new AvailabilityService(db), feed, keys, trusted, terminals,
                new VoidService(db, feed, clock), clock, ChipKeyService.loadOrCreate(db, clock, kek,
                        previousKek));
    }
}
