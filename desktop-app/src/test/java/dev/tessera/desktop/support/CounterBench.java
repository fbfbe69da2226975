package dev.tessera.desktop.support;

import dev.tessera.desktop.aftersales.AfterSalesViewModel;
import dev.tessera.desktop.aftersales.PaperDesk;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.desktop.counter.CounterContext;
import dev.tessera.desktop.counter.EverySecond;
import dev.tessera.desktop.counter.Journal;
import dev.tessera.desktop.counter.SaleViewModel;
import dev.tessera.desktop.counter.VirtualChips;
import dev.tessera.desktop.events.SeatAvailabilityViewModel;
import dev.tessera.desktop.ledger.LedgerStore;
import dev.tessera.desktop.ledger.TerminalIdentity;
import dev.tessera.desktop.ui.BackgroundTaskExecutor;
import dev.tessera.desktop.ui.DialogService;
import dev.tessera.desktop.ui.Localization;
import dev.tessera.desktop.ui.Message;
import dev.tessera.reports.print.ReportPrinter;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The counter's view models without a stage: the clerk signed in on a real embedded center, a terminal ledger, the
 * virtual chip tray as the reader, and one thread standing in for the FX thread (the live seat feed calls back from
 * its own). The dialogs answer yes and keep what they were asked; the hold's countdown does not tick.
 */
public final class CounterBench implements AutoCloseable {
    private static final Duration WITHIN = Duration.ofSeconds(20);

    public final TestCenter center;
    public final CenterSession clerk;
    public final VirtualChips tray = new VirtualChips(new SecureRandom());
    public final List<Message> asked = new ArrayList<>();
    public final SaleViewModel sale;
    public final AfterSalesViewModel afterSales;
    private final ExecutorService uiThread = Executors.newSingleThreadExecutor();
    private final BackgroundTaskExecutor tasks = new BackgroundTaskExecutor(uiThread);
    private final LedgerStore ledger;

    public CounterBench(Path dir) throws Exception {
        center = TestCenter.start(dir.resolve("center"));
        clerk = center.clerk();
        ledger = LedgerStore.open(dir.resolve("terminal"), Clock.systemUTC());
        TerminalIdentity terminal = ledger.identity(clerk.account().loginId(), new SecureRandom());
        clerk.identifyTerminal(terminal.terminalId());
        CounterContext ctx = new CounterContext(clerk, center.client(), new Journal(ledger, terminal.terminalId(), () -> {}),
                terminal, tray, tray, new SimpleBooleanProperty(true), tasks, new Localization(Locale.ENGLISH),
                new Answering(), Clock.systemUTC());
        EverySecond still = new EverySecond() {
            @Override
            public void start() {}

            @Override
            public void stop() {}
        };
        sale = onUi(() -> new SaleViewModel(ctx, new SeatAvailabilityViewModel(clerk, tasks), work -> still));
        afterSales = onUi(() -> new AfterSalesViewModel(ctx, sale, new PaperDesk(new ReportPrinter(List::of,
                Optional::empty), dir.resolve("printouts"), () -> new PaperDesk.Destination(Optional.empty(), true))));
        onUi(() -> {
            sale.printPaperWith(afterSales.salePaper(), () -> false);
            sale.load();
            return null;
        });
        await("the demo event's seats", () -> sale.eventProperty().get() != null
                && sale.seats().seatMapProperty().get() != null && !sale.busyProperty().get());
    }

    /** Runs {@code work} on the stand-in FX thread and waits for it. */
    public <T> T onUi(Callable<T> work) throws Exception {
        return uiThread.submit(work).get(20, TimeUnit.SECONDS);
    }

    public void onUi(Runnable work) throws Exception {
        onUi(() -> {
            work.run();
            return null;
        });
    }

    /** Waits until {@code condition}, read on the stand-in FX thread, holds. */
    public void await(String what, Callable<Boolean> condition) throws Exception {
        Eventually.await(WITHIN, what, () -> onUi(condition));
    }

    @Override
    public void close() throws Exception {
        onUi(sale::close);
        tray.close();
        center.close();
        tasks.close();
        uiThread.shutdown();
        uiThread.awaitTermination(10, TimeUnit.SECONDS);
        ledger.close();
    }

    /** The clerk who says yes to every question, which is kept. */
    private final class Answering implements DialogService {
        @Override
        public boolean askRetryAfterStartupFailure(Message reason) {
            return false;
        }

        @Override
        public void showError(Message title, Message detail) {
            asked.add(title);
        }

        @Override
        public boolean confirm(Message question, Message consequence, Message action) {
            asked.add(question);
            return true;
        }

        @Override
        public boolean preview(Message title, List<BufferedImage> pages, Message action) {
            asked.add(title);
            return false;
        }

        @Override
        public <T> Optional<T> show(javafx.scene.control.Dialog<T> dialog) {
            return Optional.empty();
        }

        @Override
        public Optional<String> choose(Message question, List<String> choices, String preferred) {
            asked.add(question);
            return Optional.of(preferred);
        }
    }
}
