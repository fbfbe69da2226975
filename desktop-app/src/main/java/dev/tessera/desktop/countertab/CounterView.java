package dev.tessera.desktop.countertab;

import static dev.tessera.desktop.ui.Controls.button;
import static dev.tessera.desktop.ui.Controls.caption;
import atlantafx.base.theme.Styles;
import dev.tessera.core.seatmap.Category;
import dev.tessera.desktop.aftersales.AfterSalesView;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.designer.availability.AvailabilityView;
import dev.tessera.desktop.counter.SaleViewModel;
import dev.tessera.desktop.counter.LostCardPanel;
import dev.tessera.desktop.counter.SaleView;
import dev.tessera.desktop.counter.SalePhase;
import dev.tessera.desktop.counter.TransferPanel;
import dev.tessera.desktop.counter.TransferViewModel;
import dev.tessera.desktop.counter.VirtualChipsPanel;
import dev.tessera.desktop.counter.VirtualChipsViewModel;
import dev.tessera.desktop.events.LiveSeatMap;
import dev.tessera.desktop.shift.ShiftBar;
import dev.tessera.desktop.shift.ShiftPanel;
import dev.tessera.desktop.shift.ShiftViewModel;
import dev.tessera.desktop.ui.Controls;
import dev.tessera.desktop.ui.Localization;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The counter workspace: the toolbar (event, best available, hold countdown), the live seat map to
 * pick from, and on the right the sale, transfer and virtual-chip panels. Keyboard: Ctrl+B best
 * available, Ctrl+H hold the picked seats, Ctrl+K read a member card, Ctrl+Enter confirm, Ctrl+T write
 * to the chip (again), Esc release the hold or start a new sale.
 */
public final class CounterView extends BorderPane {
    private final SaleViewModel viewModel;
    private final AvailabilityView seatMap;
    /** Held here: the map's rings follow it through a content binding. */
    private final javafx.collections.ObservableSet<String> picked;
    private final TabPane side;
    /** Ctrl+F: the after-sales search, where the workspace has one. */
    private Runnable findSale = () -> {};
    /** Prints (false) or previews (true) the credit note when After-sales is the tab shown; false otherwise. */
    private java.util.function.Predicate<Boolean> creditNote = preview -> false;

    public CounterView(SaleViewModel viewModel, TransferViewModel transfer, VirtualChipsViewModel chips,
                       Localization l10n) {
        this.viewModel = viewModel;
        getStyleClass().add("counter");
        seatMap = LiveSeatMap.of(viewModel.seats(), l10n);
        seatMap.setId("counterSeatMap");
        // a click picks the nearest seat within the view's hit tolerance; the view model decides what it means
        // (the map takes the keyboard on a press, so Ctrl+H and Ctrl+Enter work right after a click)
        seatMap.setOnSeatClicked(viewModel::toggleSeat);
        // a click in a standing area puts one more of its places in the basket, like a click on a seat
        seatMap.onAreaClickedProperty().set(area -> {
            if (viewModel.phaseProperty().get() == SalePhase.PICKING) {
                viewModel.setStanding(area, viewModel.standing().getOrDefault(area, 0) + 1);
            }
        });
        picked = viewModel.picked();
        Bindings.bindContent(seatMap.getMarkedSeatIds(), picked);
        // the hold's countdown and Release sit on the map's top right corner while seats are held, so the toolbar
        // keeps its words whole at 1280 px
        HBox hold = holdBox(viewModel, l10n);
        StackPane.setAlignment(hold, Pos.TOP_RIGHT);
        StackPane.setMargin(hold, new javafx.geometry.Insets(8));
        StackPane mapPane = new StackPane(seatMap, mapMessage(viewModel, l10n), hold,
                seatUnderPointer(seatMap, viewModel, l10n));
        mapPane.getStyleClass().add("counter-map");

        side = new TabPane(tab("counter.tab.sale", new SaleView(viewModel, l10n), l10n),
                tab("counter.tab.transfer", new TransferPanel(transfer, l10n), l10n));
        if (chips != null) {
            side.getTabs().add(tab("counter.tab.chips", new VirtualChipsPanel(chips, l10n), l10n));
        }
        side.setId("counterSide");
        side.getStyleClass().add("counter-side");
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // six tabs (sale, after-sales, transfer, chips, shift, lost card) in one row at 1280 px, in English and Japanese
        side.setPrefWidth(466);
        side.setMinWidth(420);

        VBox top = new VBox(offlineBanner(viewModel, l10n), toolbar(viewModel, l10n));
        setTop(top);
        setCenter(mapPane);
        setRight(side);
        setLeft(new dev.tessera.desktop.events.StandingAreaList(viewModel.seats(), viewModel.standing(),
                viewModel::setStanding, viewModel.phaseProperty().isNotEqualTo(SalePhase.PICKING), 50, l10n));
        addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
    }

    /** The whole counter workspace, with its After-sales tab (refund, void, exchange, reprint). */
    public CounterView(CounterWorkspace workspace, Localization l10n) {
        this(workspace.sale(), workspace.transfer(), workspace.chips(), l10n);
        AfterSalesView afterSales = new AfterSalesView(workspace.afterSales(), l10n);
        Tab afterSalesTab = tab("aftersales.tab", afterSales, l10n);
        afterSalesTab.setId("afterSalesTab");
        side.getTabs().add(1, afterSalesTab);
        findSale = () -> {
            side.getSelectionModel().select(afterSalesTab);
            afterSales.focusSearch();
        };
        // issue 17: in After-sales, Ctrl+P and Ctrl+Shift+P print and preview the refund's credit note
        creditNote = preview -> {
            if (!afterSalesTab.isSelected()) {
                return false;
            }
            if (preview) {
                workspace.afterSales().refund().previewCreditNotes();
            } else {
                workspace.afterSales().refund().printCreditNotes();
            }
            return true;
        };
        // issue 5: the shift tab, and one line above the map that prompts to open a shift (it does not block sales)
        ShiftViewModel shift = workspace.shift();
        Tab shiftTab = tab("shift.title", new ShiftPanel(shift, l10n), l10n);
        shiftTab.setId("shiftTab");
        shiftTab.setOnSelectionChanged(e -> {
            if (shiftTab.isSelected()) {
                shift.refresh();
            }
        });
        side.getTabs().add(shiftTab);
        // issue 14: a member's lost or stolen card, blocked and its tickets moved to a new card in the same visit
        Tab lostCardTab = tab("lostcard.tab", new LostCardPanel(workspace.lostCard(), l10n), l10n);
        lostCardTab.setId("lostCardTab");
        side.getTabs().add(lostCardTab);
        ((VBox) getTop()).getChildren().add(1, new ShiftBar(shift, l10n, () -> side.getSelectionModel().select(shiftTab)));
    }

    private void shortcut(KeyEvent e) {
        if (new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN).match(e)) {
            viewModel.holdBestAvailable();
        } else if (new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN).match(e)) {
            viewModel.holdPicked();
        } else if (new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN).match(e)) {
            viewModel.customer().tapMemberCard();
        } else if (new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN).match(e)) {
            viewModel.confirm();
        } else if (new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN).match(e)) {
            viewModel.chip().writeToChip();
        } else if (new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN).match(e)) {
            findSale.run();
        } else if (new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN).match(e)) {
            if (!creditNote.test(true)) {
                viewModel.paper().previewPaper();
            }
        } else if (new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN).match(e)) {
            if (!creditNote.test(false)) {
                viewModel.paper().printPaper();
            }
        } else if (e.getCode() == KeyCode.ESCAPE) {
            if (viewModel.phaseProperty().get() == SalePhase.HELD) {
                viewModel.releaseHold();
            } else if (viewModel.phaseProperty().get() == SalePhase.DONE) {
                viewModel.newSale();
            }
        } else {
            return;
        }
        e.consume();
    }

    private static Tab tab(String key, javafx.scene.Node content, Localization l10n) {
        Tab tab = new Tab();
        tab.textProperty().bind(l10n.binding(key));
        tab.setContent(content);
        return tab;
    }

    private static Label offlineBanner(SaleViewModel vm, Localization l10n) {
        Label banner = new Label();
        banner.setId("offlineBanner");
        banner.textProperty().bind(l10n.binding("counter.offline.banner"));
        banner.getStyleClass().add("offline-banner");
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.visibleProperty().bind(vm.offlineProperty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    /** Issue 17: the seat under the pointer in words, with its category and price, on the map's bottom-left corner. */
    private static Label seatUnderPointer(AvailabilityView map, SaleViewModel vm, Localization l10n) {
        Label label = new Label();
        label.setId("seatHover");
        label.getStyleClass().add("map-hover");
        label.setMouseTransparent(true);
        label.setVisible(false);
        StackPane.setAlignment(label, Pos.BOTTOM_LEFT);
        StackPane.setMargin(label, new javafx.geometry.Insets(8));
        map.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_MOVED, e -> {
            var seatMap = vm.seats().seatMapProperty().get();
            var seat = seatMap == null ? java.util.Optional.<String>empty() : map.seatAt(e.getX(), e.getY());
            seat.ifPresent(id -> label.setText(dev.tessera.desktop.counter.SeatInWords.of(seatMap,
                    vm.eventProperty().get(), vm.categories(), id, l10n)));
            label.setVisible(seat.isPresent());
        });
        map.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_EXITED, e -> label.setVisible(false));
        return label;
    }

    private static Label mapMessage(SaleViewModel vm, Localization l10n) {
        Label label = new Label();
        label.textProperty().bind(l10n.binding(vm.seats().messageProperty()));
        label.visibleProperty().bind(vm.seats().messageProperty().isNotNull());
        label.getStyleClass().add("map-message");
        return label;
    }

    private static HBox toolbar(SaleViewModel vm, Localization l10n) {
        ComboBox<EventInfo> event = new ComboBox<>(vm.events());
        event.setId("counterEvent");
        event.valueProperty().bindBidirectional(vm.eventProperty());
        event.setConverter(Controls.names(EventInfo::name));
        event.setPrefWidth(260);
        // the event's name may be shortened; the words of the labels and buttons around it may not
        event.setMinWidth(140);
        event.disableProperty().bind(vm.phaseProperty().isNotEqualTo(SalePhase.PICKING));

        Spinner<Integer> count = new Spinner<>(1, 50, 2);
        count.setId("bestCount");
        count.setEditable(true);
        count.setPrefWidth(80);
        count.getValueFactory().valueProperty().addListener((obs, old, now) -> vm.bestCountProperty().set(now));
        ComboBox<Category> category = new ComboBox<>(vm.categories());
        category.setId("bestCategory");
        category.valueProperty().bindBidirectional(vm.bestCategoryProperty());
        category.setConverter(Controls.names(Category::name));
        category.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(Category item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "" : item.name());
            }
        });
        Button best = button("bestAvailable", "counter.best", l10n);
        best.setOnAction(e -> vm.holdBestAvailable());
        Button holdPicked = button("holdPicked", "counter.hold", l10n);
        holdPicked.setOnAction(e -> vm.holdPicked());
        holdPicked.disableProperty().bind(Bindings.isEmpty(vm.picked()).and(Bindings.isEmpty(vm.standing()))
                .or(vm.phaseProperty().isNotEqualTo(SalePhase.PICKING)));
        best.disableProperty().bind(vm.phaseProperty().isNotEqualTo(SalePhase.PICKING).or(vm.offlineProperty()));

        Label eventLabel = caption("counter.event", l10n);
        Label bestLabel = caption("counter.bestLabel", l10n);
        for (javafx.scene.control.Control whole : List.of(eventLabel, bestLabel, count, category, best, holdPicked)) {
            whole.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(8, eventLabel, event, bestLabel, count, category, best, holdPicked);
        bar.getStyleClass().add("counter-toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** While seats are held: how long the hold lasts and the button that releases it. */
    private static HBox holdBox(SaleViewModel vm, Localization l10n) {
        Label countdown = new Label();
        countdown.setId("holdCountdown");
        countdown.textProperty().bind(Bindings.createStringBinding(() -> vm.countdownProperty().get().isEmpty() ? ""
                : l10n.text("counter.hold.countdown", vm.countdownProperty().get()), vm.countdownProperty(), l10n.localeProperty()));
        countdown.getStyleClass().add("hold-countdown");
        countdown.visibleProperty().bind(vm.countdownProperty().isNotEmpty());
        Button release = button("releaseHold", "counter.release", l10n);
        release.getStyleClass().add(Styles.BUTTON_OUTLINED);
        release.setOnAction(e -> vm.releaseHold());
        release.visibleProperty().bind(vm.phaseProperty().isEqualTo(SalePhase.HELD));
        countdown.setMinWidth(Region.USE_PREF_SIZE);
        release.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(8, countdown, release);
        box.setId("holdBox");
        box.setAlignment(Pos.CENTER_RIGHT);
        box.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        box.setPickOnBounds(false);
        box.visibleProperty().bind(vm.phaseProperty().isEqualTo(SalePhase.HELD).or(vm.countdownProperty().isNotEmpty()));
        return box;
    }

    /** Where the keyboard starts when the counter is shown: the event choice. */
    public void focusDefault() {
        lookup("#counterEvent").requestFocus();
    }

    public AvailabilityView seatMap() {
        return seatMap;
    }

    public TabPane side() {
        return side;
    }
}
