package dev.tessera.desktop.shift;

import static dev.tessera.desktop.ui.Controls.show;
import atlantafx.base.theme.Styles;
import dev.tessera.core.tax.TaxRate;
import dev.tessera.contract.shift.Shift;
import dev.tessera.desktop.shift.ShiftViewModel.State;
import dev.tessera.desktop.ui.Formats;
import dev.tessera.desktop.ui.Localization;
import java.io.File;
import java.util.concurrent.Callable;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The counter's Shift tab: count the float and open; the drawer's expected cash while open; count
 * and close with the difference in view; the settlement after the close. Tab moves through the
 * counts row by row, Enter goes to the next row.
 */
public final class ShiftPanel extends ScrollPane {
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    private static final PseudoClass OVER = PseudoClass.getPseudoClass("over");
    private static final PseudoClass SHORT = PseudoClass.getPseudoClass("short");

    private final ShiftViewModel vm;
    private final Localization l10n;

    public ShiftPanel(ShiftViewModel vm, Localization l10n) {
        this.vm = vm;
        this.l10n = l10n;
        getStyleClass().add("shift-panel");
        Label status = new Label();
        status.setId("shiftStatus");
        status.setWrapText(true);
        status.getStyleClass().add("status-note");
        status.textProperty().bind(l10n.binding(vm.messageProperty()));
        status.visibleProperty().bind(vm.messageProperty().isNotNull());
        status.managedProperty().bind(status.visibleProperty());
        vm.failedProperty().addListener((obs, old, now) -> {
            status.pseudoClassStateChanged(FAILED, now);
            if (now) {
                // what went wrong is below the counts: bring it into view
                javafx.application.Platform.runLater(() -> scrollTo(status));
            }
        });

        VBox content = new VBox(12, openForm(), openShift(), closedShift(), status);
        content.getStyleClass().add("sale-panel");
        setContent(content);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        followFocus();
    }

    // ---- no shift: count the float ----

    private VBox openForm() {
        Label hint = new Label();
        hint.setWrapText(true);
        hint.textProperty().bind(text(() -> l10n.text("shift.open.hint", vm.currencyProperty().get()),
                vm.currencyProperty()));
        Label total = new Label();
        total.setId("shiftFloatTotal");
        total.getStyleClass().add("shift-total");
        total.textProperty().bind(text(() -> l10n.text("shift.float.total", money(vm.floatCount().totalMinorProperty().get())),
                vm.floatCount().totalMinorProperty(), vm.currencyProperty()));
        Button open = button("openShift", "shift.open", Styles.ACCENT);
        open.setOnAction(e -> vm.open());
        open.disableProperty().bind(vm.busyProperty().or(vm.floatCount().validProperty().not()));
        VBox box = section("shift.section.open", hint, countGrid(vm.floatCount(), "float"), total, row(open));
        box.setId("shiftOpenForm");
        show(box, vm.stateProperty().isEqualTo(State.NONE));
        return box;
    }

    // ---- open shift: the drawer now, and the closing count ----

    private VBox openShift() {
        Label since = new Label();
        since.setId("shiftSince");
        since.getStyleClass().add("shift-headline");
        since.setWrapText(true);
        since.textProperty().bind(text(() -> {
            Shift s = vm.shiftProperty().get();
            return s == null ? "" : l10n.text("shift.openSince", s.id(), Formats.dateTime(s.openedAt().toInstant(), l10n.getLocale()),
                    s.terminalId());
        }, vm.shiftProperty()));
        GridPane figures = figures();
        addFigure(figures, 0, "shift.float", "shiftFloat", () -> money(shift().floatMinor()), false);
        addFigure(figures, 1, "shift.cashSales", "shiftCashSales", () -> money(shift().totals().cashSalesMinor()), false);
        addFigure(figures, 2, "shift.cashRefunds", "shiftCashRefunds", () -> money(-shift().totals().cashRefundsMinor()), false);
        addFigure(figures, 3, "shift.expected", "shiftExpected", () -> money(shift().totals().expectedCashMinor()), true);
        addFigure(figures, 4, "shift.cardSales", "shiftCardSales", () -> money(shift().totals().cardSalesMinor()), false);
        Label activity = line("shiftActivity", () -> l10n.text("shift.activity.value", shift().totals().sales(),
                shift().totals().tickets(), shift().totals().voids()));
        Label byRate = line("shiftByRate", this::byRateText);
        Label stale = new Label();
        stale.getStyleClass().add("shift-stale");
        stale.textProperty().bind(l10n.binding("shift.stale"));
        show(stale, vm.staleProperty());
        Button refresh = button("refreshShift", "shift.refresh", Styles.BUTTON_OUTLINED);
        refresh.setOnAction(e -> vm.refresh());
        refresh.disableProperty().bind(vm.busyProperty());
        VBox drawer = section("shift.section.drawer", since, figures, activity, byRate, stale, row(refresh));

        Label counted = new Label();
        counted.setId("shiftCounted");
        counted.getStyleClass().add("shift-total");
        counted.textProperty().bind(text(() -> l10n.text("shift.counted.total", money(vm.closingCount().totalMinorProperty().get()),
                money(vm.expectedCashMinor().get())), vm.closingCount().totalMinorProperty(), vm.expectedCashMinor(),
                vm.currencyProperty()));
        Label difference = new Label();
        difference.setId("shiftDifference");
        difference.getStyleClass().add("shift-difference");
        difference.textProperty().bind(text(() -> differenceText(vm.differenceMinor().get()), vm.differenceMinor(),
                vm.currencyProperty()));
        vm.differenceMinor().addListener((obs, old, now) -> {
            difference.pseudoClassStateChanged(OVER, now.longValue() > 0);
            difference.pseudoClassStateChanged(SHORT, now.longValue() < 0);
        });
        TextField note = new TextField();
        note.setId("shiftNote");
        note.promptTextProperty().bind(text(() -> l10n.text(vm.differenceMinor().get() == 0 ? "shift.note.optional"
                : "shift.note.required"), vm.differenceMinor()));
        note.textProperty().bindBidirectional(vm.noteProperty());
        HBox.setHgrow(note, Priority.ALWAYS);
        Button close = button("closeShift", "shift.close", Styles.DANGER);
        close.setOnAction(e -> vm.close());
        close.disableProperty().bind(vm.busyProperty().or(vm.closingCount().validProperty().not()));
        note.setOnAction(e -> close.fire());
        VBox closing = section("shift.section.close", countGrid(vm.closingCount(), "close"), counted, difference, note,
                row(close));
        VBox box = new VBox(12, drawer, closing);
        box.setId("shiftOpenPane");
        show(box, vm.stateProperty().isEqualTo(State.OPEN));
        return box;
    }

    // ---- closed: the settlement ----

    private VBox closedShift() {
        Label headline = new Label();
        headline.setId("shiftClosedAt");
        headline.getStyleClass().add("shift-headline");
        headline.setWrapText(true);
        headline.textProperty().bind(text(() -> {
            Shift s = vm.shiftProperty().get();
            return s == null || s.closedAt() == null ? "" : l10n.text("shift.closedAt", s.id(),
                    Formats.dateTime(s.closedAt().toInstant(), l10n.getLocale()));
        }, vm.shiftProperty()));
        GridPane figures = figures();
        addFigure(figures, 0, "shift.float", "settledFloat", () -> money(shift().floatMinor()), false);
        addFigure(figures, 1, "shift.cashSales", "settledCashSales", () -> money(shift().totals().cashSalesMinor()), false);
        addFigure(figures, 2, "shift.cashRefunds", "settledCashRefunds", () -> money(-shift().totals().cashRefundsMinor()), false);
        addFigure(figures, 3, "shift.expected", "settledExpected", () -> money(orZero(shift().expectedCashMinor())), true);
        addFigure(figures, 4, "shift.counted", "settledCounted", () -> money(orZero(shift().countedCashMinor())), true);
        addFigure(figures, 5, "shift.difference", "settledDifference",
                () -> differenceText(orZero(shift().differenceMinor())), true);
        addFigure(figures, 6, "shift.cardSales", "settledCardSales", () -> money(shift().totals().cardSalesMinor()), false);
        Label byRate = line("settledByRate", this::byRateText);
        Label note = line("settledNote", () -> l10n.text("shift.note.line", shift().note() == null ? "—" : shift().note()));
        Button save = button("saveSettlement", "shift.settlement.save", Styles.ACCENT);
        save.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(l10n.text("shift.settlement.save"));
            chooser.setInitialFileName("shift-" + shift().id() + "-settlement.pdf");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
            File file = chooser.showSaveDialog(getScene().getWindow());
            if (file != null) {
                vm.saveSettlement(file.toPath());
            }
        });
        save.disableProperty().bind(vm.busyProperty());
        Button next = button("nextShift", "shift.next", Styles.BUTTON_OUTLINED);
        next.setOnAction(e -> vm.startNext());
        VBox box = section("shift.section.settlement", headline, figures, byRate, note, row(save, next));
        box.setId("shiftClosedPane");
        show(box, vm.stateProperty().isEqualTo(State.CLOSED));
        return box;
    }

    /** Issue 17: a line per tax rate, gross with its tax and net, as the settlement PDF prints them. */
    private String byRateText() {
        return String.join("\n", shift().totals().byRate().stream().map(r -> l10n.text("shift.byRate.line",
                new TaxRate(r.rateBasisPoints()).percentText(), money(r.grossMinor()),
                money(r.taxMinor()), money(r.netMinor()))).toList());
    }

    // ---- parts ----

    /** One row per denomination: its value, the quantity field and the amount; rebuilt when the currency changes. */
    private GridPane countGrid(CashCount count, String idPrefix) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("shift-count");
        grid.setHgap(10);
        grid.setVgap(4);
        ColumnConstraints value = new ColumnConstraints();
        value.setHalignment(HPos.RIGHT);
        value.setMinWidth(90);
        ColumnConstraints quantity = new ColumnConstraints(80);
        ColumnConstraints amount = new ColumnConstraints();
        amount.setHalignment(HPos.RIGHT);
        amount.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(value, quantity, amount);
        Runnable rebuild = () -> {
            grid.getChildren().clear();
            java.util.List<TextField> fields = new java.util.ArrayList<>();
            var rows = count.rows();
            for (int i = 0; i < rows.size(); i++) {
                CashCount.Row r = rows.get(i);
                Label denomination = new Label();
                denomination.textProperty().bind(text(() -> money(r.denominationMinor()), vm.currencyProperty()));
                TextField field = new TextField();
                field.setId(idPrefix + "Count" + r.denominationMinor());
                field.setPromptText("0");
                field.getStyleClass().add("shift-quantity");
                field.textProperty().bindBidirectional(r.quantityProperty());
                r.validProperty().addListener((obs, old, ok) -> field.pseudoClassStateChanged(Styles.STATE_DANGER, !ok));
                fields.add(field);
                int next = i + 1;
                // Enter goes to the next denomination, as counting goes down the drawer
                field.setOnAction(e -> {
                    if (next < fields.size()) {
                        fields.get(next).requestFocus();
                    }
                });
                Label sum = new Label();
                sum.getStyleClass().add("shift-amount");
                sum.textProperty().bind(text(() -> r.amountMinorProperty().get() == 0 ? "" : money(r.amountMinorProperty().get()),
                        r.amountMinorProperty(), vm.currencyProperty()));
                grid.addRow(i, denomination, field, sum);
            }
        };
        count.rows().addListener((ListChangeListener<CashCount.Row>) c -> {
            while (c.next()) {
                if (c.wasAdded() || c.wasRemoved()) {
                    rebuild.run();
                    return;
                }
            }
        });
        rebuild.run();
        return grid;
    }

    private static GridPane figures() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("shift-figures");
        grid.setHgap(16);
        grid.setVgap(4);
        // labels keep their whole text; the figures take the rest of the width, right-aligned
        ColumnConstraints label = new ColumnConstraints();
        label.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints value = new ColumnConstraints();
        value.setHalignment(HPos.RIGHT);
        value.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(label, value);
        return grid;
    }

    private void addFigure(GridPane grid, int row, String key, String id, Callable<String> value, boolean strong) {
        Label name = new Label();
        name.textProperty().bind(l10n.binding(key));
        name.getStyleClass().add("shift-figure-label");
        Label figure = new Label();
        figure.setId(id);
        figure.setWrapText(true);
        figure.getStyleClass().add(strong ? "shift-figure-strong" : "shift-figure");
        figure.textProperty().bind(text(() -> shift() == null || shift().totals() == null ? "" : value.call(),
                vm.shiftProperty()));
        grid.addRow(row, name, figure);
    }

    /** A full-width line under the figures, for texts too long for a figure column. */
    private Label line(String id, Callable<String> value) {
        Label line = new Label();
        line.setId(id);
        line.setWrapText(true);
        line.getStyleClass().add("shift-figure-label");
        line.textProperty().bind(text(() -> shift() == null || shift().totals() == null ? "" : value.call(),
                vm.shiftProperty()));
        return line;
    }

    /** Keeps the control the keyboard is on in view: the counts are taller than the side pane. */
    private void followFocus() {
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                // keyboard focus only: a click never scrolls the button away between press and release
                scene.focusOwnerProperty().addListener((o, before, focused) -> javafx.application.Platform.runLater(() -> {
                    if (focused != null && focused.isFocused() && isAncestorOf(focused)
                            && (focused.isFocusVisible() || focused instanceof TextField)) {
                        scrollTo(focused);
                    }
                }));
            }
        });
    }

    private boolean isAncestorOf(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == getContent()) {
                return true;
            }
        }
        return false;
    }

    private void scrollTo(Node node) {
        double contentHeight = getContent().getLayoutBounds().getHeight();
        double viewport = getViewportBounds().getHeight();
        if (contentHeight <= viewport) {
            return;
        }
        Bounds b = getContent().sceneToLocal(node.localToScene(node.getLayoutBounds()));
        double top = (contentHeight - viewport) * getVvalue();
        if (b.getMinY() >= top && b.getMaxY() <= top + viewport) {
            return;
        }
        double margin = 48;
        if (b.getMinY() < top) {
            setVvalue(Math.max(0, (b.getMinY() - margin) / (contentHeight - viewport)));
        } else if (b.getMaxY() + margin > top + viewport) {
            setVvalue(Math.min(1, (b.getMaxY() + margin - viewport) / (contentHeight - viewport)));
        }
    }

    private String differenceText(long difference) {
        String amount = money(Math.abs(difference));
        return difference > 0 ? l10n.text("shift.difference.over", amount)
                : difference < 0 ? l10n.text("shift.difference.short", amount) : l10n.text("shift.difference.even");
    }

    private Shift shift() {
        return vm.shiftProperty().get();
    }

    private String money(long minor) {
        return Formats.money(minor, vm.currencyProperty().get(), l10n.getLocale());
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    /** A text that follows its inputs and the language. */
    private StringBinding text(Callable<String> text, Observable... dependencies) {
        Observable[] all = java.util.Arrays.copyOf(dependencies, dependencies.length + 1);
        all[dependencies.length] = l10n.localeProperty();
        return Bindings.createStringBinding(text, all);
    }

    private VBox section(String key, Node... children) {
        Label title = new Label();
        title.textProperty().bind(l10n.binding(key));
        title.getStyleClass().addAll("caption", "section-title");
        VBox box = new VBox(8, title);
        box.getChildren().addAll(children);
        box.getStyleClass().add("counter-section");
        return box;
    }

    private Button button(String id, String key, String style) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(l10n.binding(key));
        b.getStyleClass().add(style);
        return b;
    }

    private static HBox row(Node... children) {
        HBox row = new HBox(8, children);
        row.getStyleClass().add("row");
        return row;
    }
}
