package dev.tessera.desktop.manager;

import atlantafx.base.theme.Styles;
import dev.tessera.contract.account.Account;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.desktop.ui.Formats;
import dev.tessera.desktop.ui.Localization;
import dev.tessera.desktop.workspace.ViewModelWorkspace;
import dev.tessera.reports.print.ReportPrinter;
import java.io.File;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The manager's reports: filters on the left, the page preview in the middle, totals and output on
 * the right, progress and messages below. Shortcuts: Ctrl+G generate, Esc cancel, Ctrl+PgUp/PgDn
 * pages, Ctrl+plus/minus zoom, Ctrl+P print, Ctrl+E export PDF.
 */
public final class ManagerView extends BorderPane implements ViewModelWorkspace.Focusable {
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    private static final List<String> PAYMENTS = List.of("CASH", "CARD", "INVOICE");

    private final ManagerViewModel vm;
    private final Localization l10n;
    private final dev.tessera.desktop.ui.DialogService dialogs;
    private final RadioButton salesLog;

    public ManagerView(ManagerViewModel vm, Localization l10n, dev.tessera.desktop.ui.DialogService dialogs) {
        this.dialogs = dialogs;
        this.vm = vm;
        this.l10n = l10n;
        getStyleClass().add("manager-pane");
        ToggleGroup kinds = new ToggleGroup();
        salesLog = kindButton(ReportKind.SALES_LOG, "reportSalesLog", kinds);
        VBox filters = filters(kinds);
        setLeft(filters);
        setCenter(preview());
        setRight(totalsAndOutput());
        setBottom(statusBar());
        addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
    }

    @Override
    public void focusDefault() {
        salesLog.requestFocus();
    }

    // ---- filters ----

    private VBox filters(ToggleGroup kinds) {
        // a seller's own sales log (claim 75): the sales log only, of the seller signed in
        VBox kindBox = vm.ownSalesLog() ? new VBox(6, caption("manager.report"), salesLog)
                : new VBox(6, caption("manager.report"), salesLog,
                        kindButton(ReportKind.SETTLEMENT, "reportSettlement", kinds),
                        kindButton(ReportKind.OCCUPANCY, "reportOccupancy", kinds));
        kinds.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                vm.kindProperty().set((ReportKind) now.getUserData());
            }
        });
        vm.kindProperty().addListener((obs, old, now) -> kinds.getToggles().stream()
                .filter(t -> t.getUserData() == now).findFirst().ifPresent(kinds::selectToggle));
        ComboBox<Option<EventInfo>> event = choice("reportEvent", vm.events(), vm.eventProperty(), "manager.allEvents",
                EventInfo::name);
        ComboBox<Option<Account>> seller = choice("reportSeller", vm.sellers(), vm.sellerProperty(),
                "manager.allSellers", Account::displayName);
        ComboBox<Option<String>> payment = choice("reportPayment",
                javafx.collections.FXCollections.observableArrayList(PAYMENTS), vm.paymentProperty(),
                "manager.allPayments", p -> l10n.text("manager.payment." + p.toLowerCase(java.util.Locale.ROOT)));
        DatePicker from = date("reportFrom", vm.fromProperty());
        DatePicker to = date("reportTo", vm.toProperty());
        // occupancy is the hall as it stands: seller, period and payment do not apply
        var occupancy = vm.kindProperty().isEqualTo(ReportKind.OCCUPANCY);
        for (Node n : List.of(seller, payment, from, to)) {
            n.disableProperty().bind(occupancy.or(vm.busyProperty()));
        }
        event.disableProperty().bind(vm.busyProperty());
        if (vm.ownSalesLog()) {
            seller.disableProperty().unbind();
            seller.setDisable(true);
        }
        GridPane form = new GridPane();
        form.getStyleClass().add("manager-form");
        form.addRow(0, caption("manager.event"), event);
        form.addRow(1, caption("manager.seller"), seller);
        form.addRow(2, caption("manager.from"), from);
        form.addRow(3, caption("manager.to"), to);
        form.addRow(4, caption("manager.payment"), payment);
        Label scopeNote = new Label();
        scopeNote.setId("reportScopeNote");
        scopeNote.getStyleClass().add("manager-note");
        scopeNote.setWrapText(true);
        scopeNote.setMinHeight(Region.USE_PREF_SIZE);
        scopeNote.textProperty().bind(Bindings.createStringBinding(() -> switch (vm.kindProperty().get()) {
            case SALES_LOG -> l10n.text("manager.note.salesLog");
            case SETTLEMENT -> l10n.text("manager.note.settlement");
            case OCCUPANCY -> l10n.text("manager.note.occupancy");
        }, vm.kindProperty(), l10n.localeProperty()));

        Button generate = button("generateReport", "manager.generate");
        generate.getStyleClass().add(Styles.ACCENT);
        generate.setDefaultButton(true);
        generate.setMaxWidth(Double.MAX_VALUE);
        generate.disableProperty().bind(vm.busyProperty());
        generate.setOnAction(e -> vm.generate());
        generate.setTooltip(tooltip("manager.generate.tip"));
        Button cancel = button("cancelReport", "manager.cancel");
        cancel.setMaxWidth(Double.MAX_VALUE);
        cancel.disableProperty().bind(vm.busyProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        ProgressBar progress = new ProgressBar();
        progress.setId("reportProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.busyProperty());
        HBox buttons = new HBox(8, generate, cancel);
        HBox.setHgrow(generate, Priority.ALWAYS);
        HBox.setHgrow(cancel, Priority.ALWAYS);
        VBox box = new VBox(12, kindBox, new Separator(), form, scopeNote, buttons, progress);
        if (!vm.ownSalesLog()) {
            box.getChildren().add(refunds());
        }
        box.getStyleClass().add("manager-filters");
        return box;
    }

    /** Issue 14: what a cancelled event owes, per seller and payment method; shown only for a cancelled event. */
    private VBox refunds() {
        RefundsViewModel refunds = vm.refunds();
        Label summary = new Label();
        summary.setId("refundSummary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.textProperty().bind(Bindings.createStringBinding(() -> {
            var list = refunds.listProperty().get();
            if (refunds.messageProperty().get() != null) {
                return l10n.text(refunds.messageProperty().get());
            }
            return list == null ? "" : l10n.text("manager.refunds.summary", list.sales().size(),
                    dev.tessera.desktop.ui.Formats.money(list.totalMinor(), list.currency(), l10n.getLocale()),
                    list.reason());
        }, refunds.listProperty(), refunds.messageProperty(), l10n.localeProperty()));
        // one wrapped line a seller and payment method: the filter column is narrow, a table would cut them
        Label lines = new Label();
        lines.setId("refundLines");
        lines.setWrapText(true);
        lines.setMinHeight(Region.USE_PREF_SIZE);
        lines.getStyleClass().add("manager-note");
        lines.textProperty().bind(Bindings.createStringBinding(() -> {
            var list = refunds.listProperty().get();
            return list == null ? "" : String.join("\n", refunds.lines().stream().map(l -> l10n.text(
                    "manager.refunds.line", l.sellerName(), l10n.text("manager.payment."
                            + l.paymentMethod().toLowerCase(java.util.Locale.ROOT)), l.tickets(),
                    dev.tessera.desktop.ui.Formats.money(l.amountMinor(), list.currency(), l10n.getLocale()))).toList());
        }, refunds.lines(), refunds.listProperty(), l10n.localeProperty()));
        VBox box = new VBox(6, caption("manager.refunds.title"), summary, lines);
        box.setId("refunds");
        box.visibleProperty().bind(refunds.listProperty().isNotNull().or(refunds.messageProperty().isNotNull()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private RadioButton kindButton(ReportKind kind, String id, ToggleGroup group) {
        RadioButton b = new RadioButton();
        b.setId(id);
        b.textProperty().bind(l10n.binding(kind.key()));
        b.setUserData(kind);
        b.setToggleGroup(group);
        b.setSelected(vm.kindProperty().get() == kind);
        b.disableProperty().bind(vm.busyProperty());
        return b;
    }

    /** A filter value, or "all" when {@code value} is null. */
    private record Option<T>(T value) {}

    private <T> ComboBox<Option<T>> choice(String id, ObservableList<T> values, ObjectProperty<T> selected, String allKey,
                                           Function<T, String> text) {
        ComboBox<Option<T>> box = new ComboBox<>();
        box.setId(id);
        box.setMaxWidth(Double.MAX_VALUE);
        Runnable fill = () -> {
            List<Option<T>> options = new ArrayList<>();
            options.add(new Option<>(null));
            values.forEach(v -> options.add(new Option<>(v)));
            box.getItems().setAll(options);
            box.getSelectionModel().select(options.stream().filter(o -> o.value() == selected.get()).findFirst()
                    .orElse(options.getFirst()));
        };
        values.addListener((ListChangeListener<T>) c -> fill.run());
        fill.run();
        box.valueProperty().addListener((obs, old, now) -> selected.set(now == null ? null : now.value()));
        Function<Option<T>, String> label = o -> o == null || o.value() == null ? l10n.text(allKey) : text.apply(o.value());
        box.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Option<T> item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : label.apply(item));
            }
        });
        box.setButtonCell(box.getCellFactory().call(null));
        l10n.localeProperty().addListener((obs, old, now) -> {
            box.setButtonCell(box.getCellFactory().call(null));
            fill.run();
        });
        return box;
    }

    private DatePicker date(String id, ObjectProperty<LocalDate> value) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        picker.setMaxWidth(Double.MAX_VALUE);
        picker.valueProperty().bindBidirectional(value);
        picker.promptTextProperty().bind(l10n.binding("manager.anyDay"));
        return picker;
    }

    // ---- preview ----

    private BorderPane preview() {
        Button first = iconButton("firstPage", "«", "manager.firstPage", vm::firstPage);
        Button previous = iconButton("previousPage", "‹", "manager.previousPage", vm::previousPage);
        Button next = iconButton("nextPage", "›", "manager.nextPage", vm::nextPage);
        Button last = iconButton("lastPage", "»", "manager.lastPage", vm::lastPage);
        Button zoomOut = iconButton("zoomOut", "−", "manager.zoomOut", vm::zoomOut);
        Button zoomIn = iconButton("zoomIn", "+", "manager.zoomIn", vm::zoomIn);
        Button fit = button("fitWidth", "manager.fitWidth");
        fit.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        fit.setTooltip(tooltip("manager.fitWidth.tip"));
        fit.setOnAction(e -> vm.fitToWidth());
        var noReport = vm.reportProperty().isNull();
        first.disableProperty().bind(noReport.or(vm.pageIndexProperty().isEqualTo(0)));
        previous.disableProperty().bind(first.disableProperty());
        var atEnd = vm.pageIndexProperty().greaterThanOrEqualTo(vm.pageCountProperty().subtract(1));
        next.disableProperty().bind(noReport.or(atEnd));
        last.disableProperty().bind(next.disableProperty());
        zoomOut.disableProperty().bind(noReport.or(vm.zoomProperty().lessThanOrEqualTo(ManagerViewModel.ZOOMS.getFirst())));
        zoomIn.disableProperty().bind(noReport.or(vm.zoomProperty().greaterThanOrEqualTo(ManagerViewModel.ZOOMS.getLast())));
        fit.disableProperty().bind(noReport.or(vm.fitWidthProperty()));
        Label pageOf = new Label();
        pageOf.setId("pageOf");
        pageOf.getStyleClass().add("manager-page-of");
        pageOf.textProperty().bind(Bindings.createStringBinding(() -> vm.reportProperty().get() == null ? ""
                        : l10n.text("manager.pageOf", vm.pageIndexProperty().get() + 1, vm.pageCountProperty().get()),
                vm.reportProperty(), vm.pageIndexProperty(), vm.pageCountProperty(), l10n.localeProperty()));
        Label zoom = new Label();
        zoom.setId("zoomLevel");
        zoom.getStyleClass().add("manager-zoom");
        zoom.textProperty().bind(Bindings.createStringBinding(() -> Math.round(vm.zoomProperty().get() * 100) + " %",
                vm.zoomProperty()));
        Label title = new Label();
        title.getStyleClass().add("manager-preview-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> vm.reportProperty().get() == null
                        ? l10n.text("manager.preview") : l10n.text(vm.reportProperty().get().kind().key()),
                vm.reportProperty(), l10n.localeProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(6, title, spacer, first, previous, pageOf, next, last, new Separator(
                javafx.geometry.Orientation.VERTICAL), zoomOut, zoom, zoomIn, fit);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().add("manager-preview-toolbar");

        ImageView image = new ImageView();
        image.setId("pagePreview");
        image.getStyleClass().add("manager-page");
        vm.pageProperty().addListener((obs, old, now) -> image.setImage(now == null ? null : toImage(now)));
        StackPane paper = new StackPane(image);
        paper.getStyleClass().add("manager-paper");
        Label empty = new Label();
        empty.setId("previewPlaceholder");
        empty.getStyleClass().add("manager-placeholder");
        empty.setWrapText(true);
        empty.textProperty().bind(l10n.binding("manager.preview.empty"));
        empty.visibleProperty().bind(vm.reportProperty().isNull());
        StackPane stage = new StackPane(paper, empty);
        stage.getStyleClass().add("manager-preview-stage");
        ScrollPane scroll = new ScrollPane(stage);
        scroll.setId("previewScroll");
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("manager-preview-scroll");
        // the page fits the viewport less the stage's padding and a scroll bar
        scroll.viewportBoundsProperty().addListener((obs, was, now) -> vm.previewWidth(now.getWidth() - 52));
        BorderPane pane = new BorderPane(scroll);
        pane.setTop(toolbar);
        pane.getStyleClass().add("manager-preview");
        return pane;
    }

    private static WritableImage toImage(PageImage page) {
        WritableImage image = new WritableImage(page.width(), page.height());
        image.getPixelWriter().setPixels(0, 0, page.width(), page.height(), PixelFormat.getIntArgbInstance(),
                page.argb(), 0, page.width());
        return image;
    }

    // ---- totals and output ----

    private VBox totalsAndOutput() {
        VBox totals = new VBox(10);
        totals.setId("reportTotals");
        Runnable fill = () -> {
            totals.getChildren().setAll(caption("manager.totals"));
            if (vm.totals().isEmpty()) {
                Label none = new Label(l10n.text("manager.totals.none"));
                none.getStyleClass().add("manager-note");
                none.setWrapText(true);
                totals.getChildren().add(none);
            }
            vm.totals().forEach(t -> totals.getChildren().add(totalsGrid(t)));
        };
        vm.totals().addListener((ListChangeListener<SalesTotals>) c -> fill.run());
        l10n.localeProperty().addListener((obs, old, now) -> fill.run());
        fill.run();

        Button print = button("printReport", "manager.print");
        print.setTooltip(tooltip("manager.print.tip"));
        print.setOnAction(e -> vm.print(this::choosePrinter));
        Button pdf = button("exportPdf", "manager.export.pdf");
        pdf.setOnAction(e -> exportWithChooser(ExportFormat.PDF));
        Button xlsx = button("exportXlsx", "manager.export.xlsx");
        xlsx.setOnAction(e -> exportWithChooser(ExportFormat.XLSX));
        Button csv = button("exportCsv", "manager.export.csv");
        csv.setOnAction(e -> exportWithChooser(ExportFormat.CSV));
        for (Button b : List.of(print, pdf, xlsx, csv)) {
            b.setMaxWidth(Double.MAX_VALUE);
            b.disableProperty().bind(vm.reportProperty().isNull().or(vm.busyProperty()));
        }
        VBox output = new VBox(6, caption("manager.output"), print, pdf, xlsx, csv);
        VBox box = new VBox(16, totals, new Separator(), output);
        box.getStyleClass().add("manager-side");
        return box;
    }

    private GridPane totalsGrid(SalesTotals t) {
        var locale = l10n.getLocale();
        GridPane grid = new GridPane();
        grid.getStyleClass().add("manager-totals");
        grid.addRow(0, new Label(), heading("manager.totals.tickets"), heading("manager.totals.amount"));
        int row = 1;
        row = totalRow(grid, row, "totalSold", l10n.text("manager.totals.sold"), t.soldTickets(),
                Formats.money(t.soldMinor(), t.currency(), locale), false);
        row = totalRow(grid, row, "totalVoided", l10n.text("manager.totals.voided"), t.voidedTickets(),
                "− " + Formats.money(t.voidedMinor(), t.currency(), locale), false);
        row = totalRow(grid, row, "totalRefunded", l10n.text("manager.totals.refunded"), null,
                Formats.money(t.refundedMinor(), t.currency(), locale), false);
        row = totalRow(grid, row, "totalNet", l10n.text("manager.totals.net"), t.soldTickets() - t.voidedTickets(),
                Formats.money(t.netMinor(), t.currency(), locale), true);
        Label byPayment = heading("manager.totals.byPayment");
        byPayment.setPadding(new javafx.geometry.Insets(8, 0, 0, 0));
        byPayment.setAlignment(Pos.CENTER_LEFT);
        grid.add(byPayment, 0, row++, 3, 1);
        for (String p : PAYMENTS) {
            row = totalRow(grid, row, "totalNet" + p, l10n.text("manager.payment." + p.toLowerCase(java.util.Locale.ROOT)),
                    null, Formats.money(t.netByPayment().getOrDefault(p, 0L), t.currency(), locale), false);
        }
        return grid;
    }

    private Label heading(String key) {
        Label label = new Label(l10n.text(key));
        label.getStyleClass().add("manager-totals-heading");
        label.setMaxWidth(Double.MAX_VALUE);
        label.setAlignment(Pos.CENTER_RIGHT);
        return label;
    }

    private int totalRow(GridPane grid, int row, String id, String label, Integer tickets, String amount,
                         boolean strong) {
        Label name = new Label(label);
        Label count = new Label(tickets == null ? "" : java.text.NumberFormat.getIntegerInstance(l10n.getLocale()).format(tickets));
        count.setId(id + "Tickets");
        Label value = new Label(amount);
        value.setId(id);
        for (Label l : List.of(count, value)) {
            l.getStyleClass().add("manager-amount");
            l.setMaxWidth(Double.MAX_VALUE);
            l.setAlignment(Pos.CENTER_RIGHT);
        }
        if (strong) {
            for (Label l : List.of(name, count, value)) {
                l.getStyleClass().add("manager-strong");
            }
        }
        GridPane.setHgrow(name, Priority.ALWAYS);
        grid.addRow(row, name, count, value);
        return row + 1;
    }

    private HBox statusBar() {
        Label status = new Label();
        status.setId("reportStatus");
        status.setWrapText(true);
        status.getStyleClass().add("manager-status");
        status.textProperty().bind(l10n.binding(vm.statusProperty()));
        status.setMaxWidth(Double.MAX_VALUE);
        HBox bar = new HBox(status);
        vm.failedProperty().addListener((obs, old, now) -> {
            status.pseudoClassStateChanged(FAILED, now);
            bar.pseudoClassStateChanged(FAILED, now);
        });
        HBox.setHgrow(status, Priority.ALWAYS);
        bar.getStyleClass().add("manager-status-bar");
        return bar;
    }

    private void exportWithChooser(ExportFormat format) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(l10n.text("manager.export.title", format.name()));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.name(), "*." + format.extension()));
        String kind = vm.reportProperty().get().kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        chooser.setInitialFileName(kind + "-" + LocalDate.now() + "." + format.extension());
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            vm.export(format, file.toPath());
        }
    }

    private Optional<String> choosePrinter(List<ReportPrinter.Printer> printers) {
        List<String> names = printers.stream().map(ReportPrinter.Printer::name).toList();
        String preferred = printers.stream().filter(ReportPrinter.Printer::isDefault).map(ReportPrinter.Printer::name)
                .findFirst().orElse(names.getFirst());
        return dialogs.choose(dev.tessera.desktop.ui.Message.of("manager.print.choose"), names, preferred);
    }

    private void shortcut(KeyEvent e) {
        Runnable action = null;
        if (new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN).match(e)) {
            action = vm::generate;
        } else if (e.getCode() == KeyCode.ESCAPE && vm.busyProperty().get()) {
            action = vm::cancel;
        } else if (new KeyCodeCombination(KeyCode.PAGE_DOWN, KeyCombination.SHORTCUT_DOWN).match(e)) {
            action = vm::nextPage;
        } else if (new KeyCodeCombination(KeyCode.PAGE_UP, KeyCombination.SHORTCUT_DOWN).match(e)) {
            action = vm::previousPage;
        } else if (new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN).match(e)
                || new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN).match(e)
                || new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN).match(e)) {
            action = vm::zoomIn;
        } else if (new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN).match(e)
                || new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN).match(e)) {
            action = vm::zoomOut;
        } else if (vm.reportProperty().get() != null && !vm.busyProperty().get()) {
            if (new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN).match(e)) {
                action = () -> Platform.runLater(() -> vm.print(this::choosePrinter));
            } else if (new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN).match(e)) {
                action = () -> Platform.runLater(() -> exportWithChooser(ExportFormat.PDF));
            }
        }
        if (action != null) {
            action.run();
            e.consume();
        }
    }

    // ---- small helpers ----

    private Label caption(String key) {
        return dev.tessera.desktop.ui.Controls.caption(key, l10n);
    }

    private Button button(String id, String key) {
        return dev.tessera.desktop.ui.Controls.button(id, key, l10n);
    }

    private Button iconButton(String id, String symbol, String tipKey, Runnable action) {
        Button b = new Button(symbol);
        b.setId(id);
        b.getStyleClass().addAll(Styles.FLAT, "manager-nav");
        b.setTooltip(tooltip(tipKey));
        b.setOnAction(e -> action.run());
        return b;
    }

    private Tooltip tooltip(String key) {
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(l10n.binding(key));
        return tip;
    }
}
