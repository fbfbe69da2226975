package dev.tessera.desktop.countertab;

import dev.tessera.desktop.aftersales.AfterSalesViewModel;
import dev.tessera.desktop.aftersales.PaperDesk;
import dev.tessera.desktop.center.CenterClient;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.desktop.counter.CounterContext;
import dev.tessera.desktop.counter.CounterReader;
import dev.tessera.desktop.counter.SaleViewModel;
import dev.tessera.desktop.counter.Journal;
import dev.tessera.desktop.counter.LostCardViewModel;
import dev.tessera.desktop.counter.SaleRecovery;
import dev.tessera.desktop.counter.TransferViewModel;
import dev.tessera.desktop.counter.VirtualChips;
import dev.tessera.desktop.counter.VirtualChipsViewModel;
import dev.tessera.desktop.events.SeatAvailabilityViewModel;
import dev.tessera.desktop.ledger.LedgerStore;
import dev.tessera.desktop.ledger.SyncLoop;
import dev.tessera.desktop.ledger.TerminalIdentity;
import dev.tessera.desktop.ledger.TerminalSync;
import dev.tessera.desktop.settings.TerminalSettings;
import dev.tessera.desktop.shift.SettlementWriter;
import dev.tessera.desktop.shift.ShiftTerminal;
import dev.tessera.desktop.shift.ShiftViewModel;
import dev.tessera.desktop.ui.DialogService;
import dev.tessera.desktop.ui.Localization;
import dev.tessera.desktop.ui.TaskExecutor;
import dev.tessera.reports.print.ReportPrinter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.value.ObservableBooleanValue;

/** A seller's counter: its view models and the journal sync behind them, opened at sign-in, closed at sign-out. */
public final class CounterWorkspace implements AutoCloseable {
    public static final Duration SYNC_PERIOD = Duration.ofSeconds(5);

    private final SaleViewModel sale;
    private final TransferViewModel transfer;
    private final VirtualChipsViewModel chips;
    private final SyncLoop sync;
    private final Journal journal;
    private final AfterSalesViewModel afterSales;
    private ShiftViewModel shift;
    private LostCardViewModel lostCard;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CounterWorkspace.class);
    private final CenterSession session;
    private final TaskExecutor tasks;

    private CounterWorkspace(SaleViewModel sale, TransferViewModel transfer, VirtualChipsViewModel chips,
                             SyncLoop sync, Journal journal, CenterSession session, TaskExecutor tasks,
                             AfterSalesViewModel afterSales) {
        this.afterSales = afterSales;
        this.session = session;
        this.tasks = tasks;
        this.sale = sale;
        this.transfer = transfer;
        this.chips = chips;
        this.sync = sync;
        this.journal = journal;
    }

    /**
     * Blocking (opens the ledger identity); call from a background task or at sign-in. {@code reader} is where
     * chips are tapped: the virtual chip tray or a PC/SC reader (Settings).
     */
    public static CounterWorkspace open(CenterSession session, CenterClient client, LedgerStore ledger, Path dataDir,
                                        CounterReader reader, VirtualChips virtualChips, ObservableBooleanValue online, TaskExecutor tasks,
                                        Localization l10n, DialogService dialogs, Clock clock,
                                        Consumer<SyncLoop.State> syncState, Supplier<TerminalSettings.PaperChoice> paper) {
        TerminalIdentity terminal = namedInChipKeyUses(session, ledger.identity(session.account().loginId(), new SecureRandom()));
        SyncLoop[] loop = new SyncLoop[1];
        Journal journal = new Journal(ledger, terminal.terminalId(), () -> {
            if (loop[0] != null) {
                loop[0].syncNow();
            }
        });
        loop[0] = new SyncLoop(new TerminalSync(ledger, session, terminal.terminalId()), ledger, terminal.terminalId(),
                tasks, clock, SYNC_PERIOD, syncState);
        CounterContext ctx = new CounterContext(session, client, journal, terminal, reader, virtualChips, online,
                tasks, l10n, dialogs, clock);
        SaleViewModel sale = new SaleViewModel(ctx, new SeatAvailabilityViewModel(session, tasks));
        // claim 20: paper tickets and receipts go to the printer chosen in Settings (the system's default when none is
        // chosen), or as PDFs into dataDir/printouts
        AfterSalesViewModel afterSales = new AfterSalesViewModel(ctx, sale,
                new PaperDesk(ReportPrinter.system(), dataDir.resolve("printouts"), () -> {
                    TerminalSettings.PaperChoice choice = paper.get();
                    return new PaperDesk.Destination(choice.printer(), choice.pdfOnly());
                }));
        sale.printPaperWith(afterSales.salePaper(), () -> paper.get().printAtOnce());
        CounterWorkspace workspace = new CounterWorkspace(sale, new TransferViewModel(ctx, () -> sale.seats().seatMapProperty().get()),
                new VirtualChipsViewModel(virtualChips, session, tasks), loop[0], journal, session, tasks, afterSales);
        workspace.lostCard = new LostCardViewModel(ctx);
        // issue 5: the clerk's shift at this terminal; its float currency follows the event on sale
        workspace.shift = new ShiftViewModel(session, ShiftTerminal.of(ledger, session, terminal.terminalId(),
                loop[0]::syncNow), tasks, dialogs, new SettlementWriter(l10n::getLocale),
                sale.eventProperty().map(dev.tessera.desktop.center.CenterApiTypes.EventInfo::currency));
        return workspace;
    }

    public void start() {
        sync.start();
        sale.load();
        shift.load();
        // every counter step ends in a message: a sale or a void may have moved the drawer's expected cash (the banner
        // follows at once, not when the Shift tab is next opened)
        sale.messageProperty().addListener((obs, old, now) -> shift.refresh());
        // and so may a refund, void or exchange in After-sales
        afterSales.messageProperty().addListener((obs, old, now) -> shift.refresh());
        // a crash may have left a hold open or tickets unwritten: settle it before the first sale
        tasks.execute(() -> new SaleRecovery(session, sale.pipeline()).recover(), sale::resume,
                failure -> LOG.warn("recovery after restart failed; it runs again at the next sign-in", failure));
    }

    public SaleViewModel sale() {
        return sale;
    }

    public AfterSalesViewModel afterSales() {
        return afterSales;
    }

    public ShiftViewModel shift() {
        return shift;
    }

    public LostCardViewModel lostCard() {
        return lostCard;
    }

    public TransferViewModel transfer() {
        return transfer;
    }

    public VirtualChipsViewModel chips() {
        return chips;
    }

    public Journal journal() {
        return journal;
    }

    public SyncLoop sync() {
        return sync;
    }

    @Override
    public void close() {
        sync.close();
        sale.close();
    }

    /**
     * Issue 15: the center's key-use audit names this terminal for every chip key the session uses.
     */
    private static TerminalIdentity namedInChipKeyUses(CenterSession session, TerminalIdentity terminal) {
        session.identifyTerminal(terminal.terminalId());
        return terminal;
    }
}
