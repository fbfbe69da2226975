package dev.tessera.desktop.organizer;

import dev.tessera.desktop.ui.Controls;
import dev.tessera.designer.availability.AvailabilityView;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.desktop.organizer.AuthorizationsViewModel.QuotaRow;
import dev.tessera.desktop.ui.Localization;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;

/**
 * Sellers of an event with their quotas and seat blocks; blocks are picked on the live map by click or lasso. Issue 18:
 * each standing area's capacity and the chosen seller's allocation of its places.
 */
final class AuthorizationsPane extends BorderPane {
    private final ComboBox<EventInfo> event;
    private final AvailabilityView map = new AvailabilityView();

    AuthorizationsPane(AuthorizationsViewModel vm, Localization l10n) {
        getStyleClass().add("organizer-pane");
        event = new ComboBox<>(vm.events());
        event.setId("authEvent");
        event.valueProperty().bindBidirectional(vm.eventProperty());
        event.setConverter(dev.tessera.desktop.ui.Controls.names(e -> e.name() + " (" + l10n.text("event.status." + e.status()) + ")"));
        event.setButtonCell(Controls.cell(e -> e.name() + " (" + l10n.text("event.status." + e.status()) + ")"));
        l10n.localeProperty().addListener((obs, old, now) ->
                event.setButtonCell(Controls.cell(e -> e.name() + " (" + l10n.text("event.status." + e.status()) + ")")));
        event.setPrefWidth(320);
        Button reload = Controls.mnemonicButton("reloadAuthorizations", "organizer.auth.reload", l10n);
        reload.setOnAction(e -> vm.reload());
        reload.disableProperty().bind(vm.eventProperty().isNull());
        HBox top = new HBox(8, Controls.title("organizer.auth.title", l10n), Controls.wholeCaption("organizer.auth.event", l10n), event, reload);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("organizer-toolbar");

        ListView<SellerRow> sellers = new ListView<>(vm.sellers());
        sellers.setId("sellerList");
        sellers.setCellFactory(v -> sellerCell(vm, l10n));
        l10n.localeProperty().addListener((obs, old, now) -> sellers.refresh());
        sellers.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> vm.sellerProperty().set(now));
        vm.sellerProperty().addListener((obs, old, now) -> {
            if (sellers.getSelectionModel().getSelectedItem() != now) {
                sellers.getSelectionModel().select(now);
            }
        });
        sellers.setPrefHeight(180);
        sellers.setPlaceholder(Controls.wholeCaption("organizer.auth.noSellers", l10n));

        Label picked = new Label();
        picked.setId("pickedSeats");
        picked.setWrapText(true);
        picked.textProperty().bind(Controls.text(l10n, () -> l10n.text(vm.modeProperty().get()
                == AuthorizationsViewModel.BlockMode.ADD ? "organizer.auth.picked" : "organizer.auth.pickedToTakeBack",
                vm.picked().size()), vm.picked(), vm.modeProperty()));
        ToggleGroup modes = new ToggleGroup();
        RadioButton add = dev.tessera.desktop.ui.Controls.radio("blockAdd", "organizer.auth.mode.add",
                AuthorizationsViewModel.BlockMode.ADD, modes, l10n);
        RadioButton takeBack = dev.tessera.desktop.ui.Controls.radio("blockTakeBack", "organizer.auth.mode.takeBack",
                AuthorizationsViewModel.BlockMode.TAKE_BACK, modes, l10n);
        modes.selectToggle(add);
        modes.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                vm.modeProperty().set((AuthorizationsViewModel.BlockMode) now.getUserData());
            }
        });
        Label hint = new Label();
        hint.textProperty().bind(Bindings.createStringBinding(() -> l10n.text(
                vm.modeProperty().get() == AuthorizationsViewModel.BlockMode.ADD ? "organizer.auth.hint"
                        : "organizer.auth.hint.takeBack"), vm.modeProperty(), l10n.localeProperty()));
        hint.getStyleClass().add("caption");
        hint.setWrapText(true);
        hint.setMinWidth(0);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Button authorize = Controls.mnemonicButton("authorizeSeller", "organizer.auth.authorize", l10n);
        authorize.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
        authorize.setOnAction(e -> vm.authorize());
        authorize.disableProperty().bind(vm.sellerProperty().isNull().or(vm.feedback().busyProperty()));
        Button giveBack = Controls.mnemonicButton("takeBackSeats", "organizer.auth.takeBack", l10n);
        giveBack.getStyleClass().add(atlantafx.base.theme.Styles.DANGER);
        giveBack.setOnAction(e -> vm.takeBack());
        giveBack.disableProperty().bind(Bindings.isEmpty(vm.picked()).or(vm.feedback().busyProperty()));
        dev.tessera.desktop.ui.Controls.show(giveBack, Bindings.equal(vm.modeProperty(),
                AuthorizationsViewModel.BlockMode.TAKE_BACK));
        Button clear = Controls.mnemonicButton("clearPicked", "organizer.auth.clearPicked", l10n);
        clear.setOnAction(e -> map.getSelectedSeatIds().clear());
        clear.disableProperty().bind(Bindings.isEmpty(vm.picked()));

        Label areasTitle = Controls.title("organizer.area.title", l10n);
        GridPane areas = areas(vm, l10n);
        dev.tessera.desktop.ui.Controls.show(areasTitle, Bindings.isNotEmpty(vm.areas()));
        dev.tessera.desktop.ui.Controls.show(areas, Bindings.isNotEmpty(vm.areas()));
        VBox side = new VBox(10, Controls.title("organizer.auth.sellers", l10n), sellers,
                Controls.title("organizer.auth.quotas", l10n), quotas(vm, l10n), areasTitle, areas,
                Controls.title("organizer.auth.block", l10n), new VBox(4, add, takeBack), hint, picked,
                buttons(authorize, giveBack, clear));
        side.getStyleClass().add("organizer-side");
        // a map with standing areas makes the panel taller than a small window: it scrolls instead of clipping
        javafx.scene.control.ScrollPane sideScroll = new javafx.scene.control.ScrollPane(side);
        sideScroll.setId("authSide");
        sideScroll.setFitToWidth(true);
        sideScroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        sideScroll.setPrefWidth(376);
        sideScroll.setMinWidth(336);
        // the last sentence stays in sight below the scrolling panel, whichever control asked for it
        Label status = Controls.status("authStatus", vm.feedback(), l10n);
        VBox left = new VBox(8, sideScroll, status);
        VBox.setVgrow(sideScroll, javafx.scene.layout.Priority.ALWAYS);
        left.setPadding(new javafx.geometry.Insets(0, 0, 8, 0));
        left.setMaxWidth(376);
        status.setMaxWidth(376);

        map.setId("authMap");
        // the map's side panel (legend, best available, counts) speaks the app's language (issue 17)
        l10n.localeProperty().addListener((obs, old, now) -> {
            dev.tessera.designer.i18n.Messages.setLocale(now);
            map.relocalize();
        });
        Bindings.bindContent(vm.picked(), map.getSelectedSeatIds());
        Controls.refocusAfterWork(vm.feedback(), sellers);
        map.setAnimated(false);
        vm.boardProperty().addListener((obs, old, board) -> {
            if (board != null) {
                map.setSeatMap(board.map());
                map.applyChanges(board.taken());
                // issue 18: each standing area as full as on the counter's live map (sold, held or set aside, free)
                map.getAreaLevels().clear();
                board.areas().forEach(a -> map.getAreaLevels().put(a.areaId(),
                        new dev.tessera.designer.availability.AreaLevel(a.capacity(), a.held() + a.allocated(), a.sold(),
                                l10n.text("events.area.left", a.remaining(), a.capacity()))));
            }
        });
        setTop(top);
        setLeft(left);
        setCenter(map);
    }

    /** The block's buttons, wrapping to a second line when the side panel is narrow. */
    private static javafx.scene.layout.FlowPane buttons(Button... buttons) {
        javafx.scene.layout.FlowPane row = new javafx.scene.layout.FlowPane(8, 8, buttons);
        row.setPrefWrapLength(320);
        return row;
    }

    private static GridPane quotas(AuthorizationsViewModel vm, Localization l10n) {
        GridPane grid = new GridPane();
        grid.setId("quotas");
        grid.getStyleClass().add("organizer-form");
        Runnable fill = () -> {
            grid.getChildren().clear();
            int row = 0;
            for (QuotaRow quota : vm.quotas()) {
                Circle swatch = new Circle(6, Color.web(quota.category().color()));
                Label name = new Label(quota.category().name());
                Spinner<Integer> spinner = new Spinner<>();
                spinner.setId("quota-" + quota.category().id());
                spinner.setEditable(true);
                spinner.setPrefWidth(100);
                SpinnerValueFactory.IntegerSpinnerValueFactory values =
                        new SpinnerValueFactory.IntegerSpinnerValueFactory(0,
                                Math.max(quota.seats() + quota.places(), quota.quota().get()), quota.quota().get());
                spinner.setValueFactory(values);
                values.valueProperty().addListener((obs, old, now) -> quota.quota().set(now == null ? 0 : now));
                Label of = new Label();
                // a standing category's quota counts places (issue 18); a category with both says both
                of.textProperty().bind(quota.places() == 0 ? l10n.binding("organizer.auth.ofSeats", quota.seats())
                        : quota.seats() == 0 ? l10n.binding("organizer.auth.ofPlaces", quota.places())
                        : l10n.binding("organizer.auth.ofSeatsAndPlaces", quota.seats(), quota.places()));
                of.getStyleClass().add("caption");
                grid.addRow(row++, swatch, name, spinner, of);
            }
        };
        vm.quotas().addListener((ListChangeListener<QuotaRow>) c -> fill.run());
        fill.run();
        return grid;
    }

    /**
     * Issue 18: a row per standing area: its places at the center, the capacity with Set (down to what is taken), and
     * the chosen seller's allocation, which Authorize seller sends with the quotas.
     */
    private static GridPane areas(AuthorizationsViewModel vm, Localization l10n) {
        GridPane grid = new GridPane();
        grid.setId("standingAreaGrid");
        grid.getStyleClass().add("organizer-form");
        Runnable fill = () -> {
            grid.getChildren().clear();
            int row = 0;
            for (AuthorizationsViewModel.AreaRow area : vm.areas()) {
                Label name = new Label(area.area().name());
                name.getStyleClass().add("venue-name");
                Label counts = new Label();
                counts.setId("areaCounts-" + area.area().id());
                counts.getStyleClass().add("caption");
                counts.setWrapText(true);
                counts.textProperty().bind(l10n.binding("organizer.area.counts", area.count().sold(),
                        area.count().held(), area.count().allocated(), area.count().remaining(), area.count().capacity()));
                Spinner<Integer> capacity = spinner("capacity-" + area.area().id(), 0,
                        Math.max(100_000, area.capacity().get()), area.capacity());
                capacity.setAccessibleText(l10n.text("organizer.area.capacity") + " " + area.area().name());
                Button set = Controls.mnemonicButton("setCapacity-" + area.area().id(), "organizer.area.set", l10n);
                set.setOnAction(e -> {
                    if (commit(capacity)) {
                        vm.changeCapacity(area);
                    }
                });
                set.disableProperty().bind(vm.feedback().busyProperty());
                Spinner<Integer> allocation = spinner("allocation-" + area.area().id(), 0,
                        Math.max(area.capacity().get(), area.allocation().get()), area.allocation());
                allocation.setAccessibleText(l10n.text("organizer.area.allocation") + " " + area.area().name());
                allocation.disableProperty().bind(vm.sellerProperty().isNull());
                Label sold = new Label();
                sold.getStyleClass().add("caption");
                sold.textProperty().bind(l10n.binding("organizer.area.sellerSold", area.sold()));
                dev.tessera.desktop.ui.Controls.show(sold, vm.sellerProperty().isNotNull());
                grid.add(name, 0, row, 3, 1);
                grid.add(counts, 0, row + 1, 3, 1);
                grid.addRow(row + 2, Controls.wholeCaption("organizer.area.capacity", l10n), capacity, set);
                grid.addRow(row + 3, Controls.wholeCaption("organizer.area.allocation", l10n), allocation, sold);
                row += 4;
            }
        };
        vm.areas().addListener((ListChangeListener<AuthorizationsViewModel.AreaRow>) c -> fill.run());
        fill.run();
        return grid;
    }

    private static Spinner<Integer> spinner(String id, int min, int max, javafx.beans.property.IntegerProperty value) {
        Spinner<Integer> spinner = new Spinner<>();
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.setPrefWidth(100);
        SpinnerValueFactory.IntegerSpinnerValueFactory values =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, value.get());
        spinner.setValueFactory(values);
        values.valueProperty().addListener((obs, old, now) -> value.set(now == null ? 0 : now));
        return spinner;
    }

    /** What was typed in the spinner becomes its value; text that is not a number goes back to the value. */
    private static boolean commit(Spinner<Integer> spinner) {
        try {
            spinner.commitValue();
            return true;
        } catch (NumberFormatException notANumber) {
            spinner.cancelEdit();
            return false;
        }
    }

    private static ListCell<SellerRow> sellerCell(AuthorizationsViewModel vm, Localization l10n) {
        ListCell<SellerRow> cell = new ListCell<>() {
            @Override
            protected void updateItem(SellerRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Label name = new Label(row.seller().displayName() + " (" + row.seller().loginId() + ")");
                name.getStyleClass().add("venue-name");
                int places = row.authorized() ? row.authorization().allocatedAreas().values().stream()
                        .mapToInt(Integer::intValue).sum() : 0;
                Label detail = new Label(!row.authorized() ? l10n.text("organizer.auth.notAuthorized")
                        : places == 0 ? l10n.text("organizer.auth.summary", quotaText(vm, row.authorization().quotas(),
                        l10n), row.authorization().allocatedSeats().size())
                        : l10n.text("organizer.auth.summaryPlaces", quotaText(vm, row.authorization().quotas(), l10n),
                        row.authorization().allocatedSeats().size(), places));
                detail.getStyleClass().add("venue-detail");
                detail.setWrapText(true);
                setText(null);
                setGraphic(new VBox(2, name, detail));
            }
        };
        cell.setPrefWidth(0); // wrap long summaries instead of scrolling sideways
        return cell;
    }

    /** "Premium stalls 20, Stalls 40": categories by name in the map's order, zero quotas left out. */
    private static String quotaText(AuthorizationsViewModel vm, Map<String, Integer> quotas, Localization l10n) {
        var board = vm.boardProperty().get();
        var order = board == null ? quotas.keySet().stream().sorted().toList()
                : board.map().categories().stream().map(c -> c.id()).filter(quotas::containsKey).toList();
        return order.stream().filter(id -> quotas.get(id) > 0)
                .map(id -> (board == null ? id : board.map().category(id).map(c -> c.name()).orElse(id)) + " " + quotas.get(id))
                .collect(Collectors.joining(l10n.text("list.separator")));
    }

    void focusEvent() {
        event.requestFocus();
    }

    AvailabilityView map() {
        return map;
    }
}
