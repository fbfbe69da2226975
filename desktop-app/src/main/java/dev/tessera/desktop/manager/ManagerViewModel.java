package dev.tessera.desktop.manager;

import dev.tessera.contract.account.Account;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.desktop.ui.ErrorMessages;
import dev.tessera.desktop.ui.Localization;
import dev.tessera.desktop.ui.Message;
import dev.tessera.desktop.ui.TaskExecutor;
import dev.tessera.desktop.workspace.ViewModelWorkspace;
import dev.tessera.reports.Cancellation;
import dev.tessera.reports.Progress;
import dev.tessera.reports.ReportCancelledException;
import dev.tessera.reports.ReportException;
import dev.tessera.reports.ReportJob;
import dev.tessera.reports.ReportOptions;
import dev.tessera.reports.export.PageRenderer;
import dev.tessera.reports.print.ReportPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The manager's reports (claims 75, 88): filters, generation with progress and cancel, a page
 * preview, totals, export and print. Every call to the center and every Jasper step runs through the
 * task executor; results land here on the UI thread.
 */
public final class ManagerViewModel implements ViewModelWorkspace.Model {
    private static final Logger LOG = LoggerFactory.getLogger(ManagerViewModel.class);
    static final List<Double> ZOOMS = List.of(0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0);
    static final double DEFAULT_ZOOM = 1.0;

    /** Asks the person which printer to use; empty when they change their mind. */
    @FunctionalInterface
    public interface PrinterChooser {
        Optional<String> choose(List<ReportPrinter.Printer> printers);
    }

    private final CenterSession session;
    private final boolean ownSalesLog;
    private final TaskExecutor tasks;
    private final Localization l10n;
    private final ReportPrinter printer;
    private final Path printFallbackDirectory;
    private final ReportSource source;

    private final ObjectProperty<ReportKind> kind = new SimpleObjectProperty<>(ReportKind.SALES_LOG);
    private final ObjectProperty<EventInfo> event = new SimpleObjectProperty<>();
    private final ObjectProperty<Account> seller = new SimpleObjectProperty<>();
    private final ObjectProperty<java.time.LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<java.time.LocalDate> to = new SimpleObjectProperty<>();
    private final ObjectProperty<String> payment = new SimpleObjectProperty<>();
    private final ObservableList<EventInfo> events = FXCollections.observableArrayList();
    private final ObservableList<Account> sellers = FXCollections.observableArrayList();

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyObjectWrapper<Message> status = new ReadOnlyObjectWrapper<>(Message.of("manager.status.ready"));
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<GeneratedReport> report = new ReadOnlyObjectWrapper<>();
    private final ObservableList<SalesTotals> totals = FXCollections.observableArrayList();
    private final ObservableList<SalesTotals> totalsView = FXCollections.unmodifiableObservableList(totals);
    private final ReadOnlyIntegerWrapper pageIndex = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper pageCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(DEFAULT_ZOOM);
    private final ReadOnlyBooleanWrapper fitWidth = new ReadOnlyBooleanWrapper(true);
    private double previewWidth;
    private final ReadOnlyObjectWrapper<PageImage> page = new ReadOnlyObjectWrapper<>();
    private final RefundsViewModel refunds;
    private Cancellation running;
    private long renderSequence;

    public ManagerViewModel(CenterSession session, TaskExecutor tasks, Localization l10n, ReportPrinter printer,
                            Path printFallbackDirectory) {
        this(session, tasks, l10n, printer, printFallbackDirectory, false);
    }

    /**
     * A seller's own sales log (claim 75): the sales log only, the seller fixed to the one signed in (the center
     * answers a seller with its own sales, voids and refunds only).
     */
    public static ManagerViewModel ownSalesLog(CenterSession session, TaskExecutor tasks, Localization l10n,
                                               ReportPrinter printer, Path printFallbackDirectory) {
        return new ManagerViewModel(session, tasks, l10n, printer, printFallbackDirectory, true);
    }

    private ManagerViewModel(CenterSession session, TaskExecutor tasks, Localization l10n, ReportPrinter printer,
                             Path printFallbackDirectory, boolean ownSalesLog) {
        this.ownSalesLog = ownSalesLog;
        this.session = session;
        this.tasks = tasks;
        this.l10n = l10n;
        this.printer = printer;
        this.printFallbackDirectory = printFallbackDirectory;
        this.source = new ReportSource(session);
        this.refunds = new RefundsViewModel(session, tasks);
        event.addListener((obs, old, now) -> refunds.show(now));
    }

    /** Issue 14: the refunds of the chosen event when it is cancelled. */
    public RefundsViewModel refunds() {
        return refunds;
    }

    /** Whether this is a seller's own sales log rather than the manager's reports. */
    public boolean ownSalesLog() {
        return ownSalesLog;
    }

    /** Loads the events and sellers the filters offer (a seller: itself only). */
    public void load() {
        status(Message.of("manager.status.loading"), false);
        tasks.execute(() -> new Choices(session.events(),
                ownSalesLog ? List.of(session.account()) : session.accounts("SELLER")), choices -> {
            events.setAll(choices.events().stream().sorted(Comparator.comparing(EventInfo::startsAt)).toList());
            sellers.setAll(choices.sellers().stream().sorted(Comparator.comparing(Account::displayName)).toList());
            if (ownSalesLog) {
                seller.set(choices.sellers().getFirst());
            }
            status(Message.of("manager.status.ready"), false);
        }, failure -> status(ErrorMessages.of(failure), true));
    }

    private record Choices(List<EventInfo> events, List<Account> sellers) {}

    /** Makes the chosen report in the background; the preview shows its first page when done. */
    public void generate() {
        if (busy.get()) {
            return;
        }
        if (ownSalesLog) {
            kind.set(ReportKind.SALES_LOG);
            seller.set(session.account());
        }
        if (from.get() != null && to.get() != null && to.get().isBefore(from.get())) {
            status(Message.of("manager.error.period"), true);
            return;
        }
        ReportFilters filters = new ReportFilters(kind.get(), event.get(), seller.get(), from.get(), to.get(),
                payment.get());
        ReportOptions options = options();
        run(Message.of("manager.status.generating", l10n.text(filters.kind().key())),
                job -> source.generate(filters, options, job), generated -> {
                    // the old report's page goes at once: a preview never shows a page of another report
                    page.set(null);
                    report.set(generated);
                    totals.setAll(generated.totals());
                    pageCount.set(PageRenderer.pageCount(generated.print()));
                    pageIndex.set(0);
                    if (fitWidth.get()) {
                        applyFit();
                    }
                    renderPage();
                    status(Message.of("manager.status.generated", l10n.text(generated.kind().key()), pageCount.get()),
                            false);
                });
    }

    /** Stops the running generation, export or print at its next check; nothing half-made is kept. */
    public void cancel() {
        if (running != null) {
            running.cancel();
        }
    }

    public void nextPage() {
        showPage(pageIndex.get() + 1);
    }

    public void previousPage() {
        showPage(pageIndex.get() - 1);
    }

    public void firstPage() {
        showPage(0);
    }

    public void lastPage() {
        showPage(pageCount.get() - 1);
    }

    private void showPage(int index) {
        if (report.get() == null || index < 0 || index >= pageCount.get() || index == pageIndex.get()) {
            return;
        }
        pageIndex.set(index);
        renderPage();
    }

    public void zoomIn() {
        ZOOMS.stream().filter(z -> z > zoom.get() + 1e-9).findFirst().ifPresent(this::setZoom);
    }

    public void zoomOut() {
        ZOOMS.reversed().stream().filter(z -> z < zoom.get() - 1e-9).findFirst().ifPresent(this::setZoom);
    }

    private void setZoom(double value) {
        fitWidth.set(false);
        zoom.set(value);
        renderPage();
    }

    /** Pages as wide as the preview (the default), also after the window is resized. */
    public void fitToWidth() {
        fitWidth.set(true);
        if (applyFit()) {
            renderPage();
        }
    }

    /** The width the preview has for a page, in pixels; the view reports it as the window changes. */
    public void previewWidth(double width) {
        previewWidth = width;
        if (fitWidth.get() && applyFit()) {
            renderPage();
        }
    }

    /** Sets the fitting zoom; true when it changed enough to draw the page again. */
    private boolean applyFit() {
        GeneratedReport shown = report.get();
        if (shown == null || previewWidth <= 0) {
            return false;
        }
        double fit = Math.clamp(previewWidth / shown.print().getPageWidth(), ZOOMS.getFirst(), ZOOMS.getLast());
        if (Math.abs(fit - zoom.get()) < 0.02) {
            return false;
        }
        zoom.set(fit);
        return true;
    }

    private void renderPage() {
        GeneratedReport shown = report.get();
        if (shown == null) {
            return;
        }
        long sequence = ++renderSequence;
        int index = pageIndex.get();
        float scale = (float) zoom.get();
        tasks.execute(() -> PageImage.of(index, PageRenderer.render(shown.print(), index, scale)), image -> {
            // a later page or zoom asked meanwhile wins
            if (sequence == renderSequence) {
                page.set(image);
            }
        }, failure -> status(reportFailure(failure), true));
    }

    /** Writes the shown report to {@code file}; a failure leaves no half-written file behind. */
    public void export(ExportFormat format, Path file) {
        GeneratedReport shown = report.get();
        if (shown == null) {
            status(Message.of("manager.error.noReport"), true);
            return;
        }
        run(Message.of("manager.status.exporting", format.name()), job -> {
            Path partial = file.resolveSibling(file.getFileName() + ".part");
            try (OutputStream out = Files.newOutputStream(partial)) {
                format.write(shown.print(), out, job);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(partial);
                throw e;
            }
            return Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }, written -> status(Message.of("manager.status.exported", format.name(), written.toString()), false));
    }

    /** Prints on a printer the person picks; with no printer installed the report is saved as a PDF instead. */
    public void print(PrinterChooser chooser) {
        GeneratedReport shown = report.get();
        if (shown == null) {
            status(Message.of("manager.error.noReport"), true);
            return;
        }
        run(Message.of("manager.status.findingPrinters"), job -> printer.printers(), printers -> {
            Optional<String> chosen = printers.isEmpty() ? Optional.empty() : chooser.choose(printers);
            if (!printers.isEmpty() && chosen.isEmpty()) {
                status(Message.of("manager.status.printCancelled"), false);
                return;
            }
            run(Message.of("manager.status.printing"),
                    job -> printer.print(shown.print(), chosen.orElse(null), printFallbackDirectory, job),
                    outcome -> status(switch (outcome) {
                        case ReportPrinter.Printed p -> Message.of("manager.status.printed", p.pages(), p.printer());
                        case ReportPrinter.SavedAsPdf s -> Message.of("manager.status.savedAsPdf", s.file().toString());
                    }, false));
        });
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(ReportJob job) throws Exception;
    }

    /** One background job at a time, with progress and a cancel flag; failures become sentences. */
    private <T> void run(Message what, Work<T> work, Consumer<T> done) {
        Cancellation cancellation = new Cancellation();
        running = cancellation;
        busy.set(true);
        progress.set(-1);
        status(what, false);
        Progress listener = (stage, count, total) -> tasks.runOnUiThread(() -> {
            if (running == cancellation) {
                progress.set(total > 0 ? Math.min(1.0, (double) count / total) : -1);
            }
        });
        Callable<T> call = () -> work.run(ReportJob.of(listener, cancellation));
        tasks.execute(call, result -> {
            finish(cancellation);
            done.accept(result);
        }, failure -> {
            finish(cancellation);
            status(reportFailure(failure), !(failure instanceof ReportCancelledException));
        });
    }

    private void finish(Cancellation cancellation) {
        if (running == cancellation) {
            running = null;
            busy.set(false);
            progress.set(0);
        }
    }

    private static Message reportFailure(Exception failure) {
        return switch (failure) {
            case ReportCancelledException e -> Message.of("manager.status.cancelled");
            case NothingToReportException e -> e.reason();
            case ReportException e -> {
                LOG.warn("a report failed", e);
                yield Message.of("manager.error.report");
            }
            case IOException e -> {
                LOG.warn("a report file could not be written", e);
                yield Message.of("manager.error.file", e.getMessage());
            }
            default -> ErrorMessages.of(failure);
        };
    }

    private void status(Message message, boolean failure) {
        status.set(message);
        failed.set(failure);
    }

    private ReportOptions options() {
        return ReportOptions.of(l10n.getLocale(), ZoneId.systemDefault());
    }

    @Override
    public void close() {
        cancel();
    }

    public ObjectProperty<ReportKind> kindProperty() {
        return kind;
    }

    public ObjectProperty<EventInfo> eventProperty() {
        return event;
    }

    public ObjectProperty<Account> sellerProperty() {
        return seller;
    }

    public ObjectProperty<java.time.LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<java.time.LocalDate> toProperty() {
        return to;
    }

    /** CASH, CARD, INVOICE or null for every payment method. */
    public ObjectProperty<String> paymentProperty() {
        return payment;
    }

    public ObservableList<EventInfo> events() {
        return events;
    }

    public ObservableList<Account> sellers() {
        return sellers;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** 0..1, or -1 while the amount of work is unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Message> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<GeneratedReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ObservableList<SalesTotals> totals() {
        return totalsView;
    }

    public ReadOnlyIntegerProperty pageIndexProperty() {
        return pageIndex.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty pageCountProperty() {
        return pageCount.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty zoomProperty() {
        return zoom.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty fitWidthProperty() {
        return fitWidth.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PageImage> pageProperty() {
        return page.getReadOnlyProperty();
    }
}
