package dev.tessera.desktop.gate;

import atlantafx.base.theme.Styles;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.desktop.counter.VirtualChips.VirtualChip;
import dev.tessera.desktop.ui.Formats;
import dev.tessera.desktop.ui.Localization;
import dev.tessera.desktop.workspace.ViewModelWorkspace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/**
 * The gate's screen: the shift bar, the online banner, the scan field that keeps the keyboard, a large
 * green or red answer that stays until the next scan, counts per gate, the last scans and the chip tray.
 */
final class GateView extends BorderPane implements ViewModelWorkspace.Focusable {
    private static final PseudoClass ADMITTED = PseudoClass.getPseudoClass("admitted");
    private static final PseudoClass REFUSED = PseudoClass.getPseudoClass("refused");
    private static final PseudoClass OFFLINE = PseudoClass.getPseudoClass("offline");
    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");
    private static final PseudoClass DUPLICATE = PseudoClass.getPseudoClass("duplicate");

    private final GateViewModel vm;
    private final Localization l10n;
    private final TextField code = new TextField();

    GateView(GateViewModel vm, Localization l10n) {
        this.vm = vm;
        this.l10n = l10n;
        getStyleClass().add("gate-workspace");
        setTop(new VBox(shiftBar(), banner()));
        setCenter(answerArea());
        setRight(side());
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN).match(e)) {
                vm.refreshNow();
                e.consume();
            } else if (new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN).match(e)) {
                vm.tapChip();
                e.consume();
            }
        });
        // the scanner types into whatever has the keyboard: after every answer it is the scan field again
        vm.answerProperty().addListener((obs, old, now) -> focusDefault());
        vm.stationProperty().addListener((obs, old, now) -> focusDefault());
    }

    @Override
    public void focusDefault() {
        Platform.runLater(() -> {
            if (vm.stationProperty().get() != null) {
                code.requestFocus();
            }
        });
    }

    private HBox shiftBar() {
        ComboBox<EventInfo> event = new ComboBox<>(vm.events());
        event.setId("gateEvent");
        event.valueProperty().bindBidirectional(vm.eventProperty());
        event.setConverter(dev.tessera.desktop.ui.Controls.names(e -> e.name() + "  \u00b7  " + Formats.dateTime(e.startsAt(), l10n.getLocale())));
        event.setPrefWidth(440);
        ComboBox<String> gate = new ComboBox<>(vm.gates());
        gate.setId("gateGate");
        gate.valueProperty().bindBidirectional(vm.gateProperty());
        gate.setPrefWidth(140);
        Button start = button("gateStartShift", "gate.shift.start");
        start.getStyleClass().add(Styles.ACCENT);
        start.setOnAction(e -> vm.startShift());
        start.disableProperty().bind(vm.startingProperty().or(vm.stationProperty().isNotNull()));
        event.disableProperty().bind(vm.stationProperty().isNotNull());
        gate.disableProperty().bind(vm.stationProperty().isNotNull());
        start.defaultButtonProperty().bind(vm.stationProperty().isNull());
        Button refresh = button("gateRefresh", "gate.refresh");
        refresh.getStyleClass().add(Styles.BUTTON_OUTLINED);
        refresh.setOnAction(e -> vm.refreshNow());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, caption("gate.shift.event"), event, caption("gate.shift.gate"), gate, start, spacer, refresh);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("gate-shift-bar");
        return bar;
    }

    private HBox banner() {
        Circle dot = new Circle(5);
        dot.getStyleClass().add("gate-banner-dot");
        Label state = new Label();
        state.setId("gateOnline");
        state.getStyleClass().add("gate-banner-state");
        state.textProperty().bind(Bindings.createStringBinding(() -> l10n.text(vm.onlineProperty().get()
                ? "gate.banner.online" : "gate.banner.offline"), vm.onlineProperty(), l10n.localeProperty()));
        state.setGraphic(dot);
        Label refreshed = new Label();
        refreshed.setId("gateRefreshed");
        refreshed.textProperty().bind(Bindings.createStringBinding(() -> {
            GateStation s = vm.stationProperty().get();
            if (s == null || vm.refreshedAtProperty().get() == null) {
                return l10n.text("gate.banner.noPackage");
            }
            return l10n.text("gate.banner.refreshed", Formats.dateTime(vm.refreshedAtProperty().get(), l10n.getLocale()),
                    s.chipCount(), s.revokedCount());
        }, vm.stationProperty(), vm.refreshedAtProperty(), l10n.localeProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label waiting = new Label();
        waiting.setId("gateWaiting");
        waiting.textProperty().bind(Bindings.createStringBinding(() -> vm.countsProperty().get() == null ? ""
                : l10n.text("gate.banner.waiting", vm.countsProperty().get().unreported()),
                vm.countsProperty(), l10n.localeProperty()));
        // the state and the waiting count never shrink; the package time gives way first
        state.setMinWidth(Region.USE_PREF_SIZE);
        waiting.setMinWidth(Region.USE_PREF_SIZE);
        HBox banner = new HBox(14, state, refreshed, spacer, waiting);
        banner.setId("gateBanner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().add("gate-banner");
        Runnable update = () -> banner.pseudoClassStateChanged(OFFLINE, !vm.onlineProperty().get());
        vm.onlineProperty().addListener((obs, old, now) -> update.run());
        update.run();
        return banner;
    }

    private VBox answerArea() {
        code.setId("gateCode");
        code.getStyleClass().add("gate-code");
        code.promptTextProperty().bind(l10n.binding("gate.code.prompt"));
        code.textProperty().bindBidirectional(vm.codeProperty());
        code.setOnAction(e -> vm.submitCode());
        code.disableProperty().bind(vm.stationProperty().isNull());

        Label headline = new Label();
        headline.setId("gateHeadline");
        headline.getStyleClass().add("gate-headline");
        Label reason = new Label();
        reason.setId("gateReason");
        reason.getStyleClass().add("gate-reason");
        reason.setWrapText(true);
        Label seat = new Label();
        seat.setId("gateSeat");
        seat.getStyleClass().add("gate-seat");
        seat.setWrapText(true);
        // claim 70: the names the admitted ticket carries, large, so the staff can compare them with the guest's
        Label attendees = new Label();
        attendees.setId("gateAttendees");
        attendees.getStyleClass().add("gate-attendees");
        attendees.setWrapText(true);
        Label source = new Label();
        source.setId("gateSource");
        source.getStyleClass().add("gate-source");
        headline.textProperty().bind(text(() -> {
            if (vm.checkingProperty().get()) {
                return l10n.text("gate.answer.checking");
            }
            GateStation.Answer a = vm.answerProperty().get();
            if (a != null) {
                return GateTexts.headline(a, l10n);
            }
            return l10n.text(vm.stationProperty().get() == null ? "gate.answer.noShift" : "gate.answer.ready");
        }));
        reason.textProperty().bind(text(() -> {
            GateStation.Answer a = vm.answerProperty().get();
            if (a == null) {
                return l10n.text(vm.stationProperty().get() == null ? "gate.answer.noShiftHint" : "gate.answer.readyHint");
            }
            return a.scan().admitted() ? l10n.text("gate.answer.welcome") : GateTexts.reason(a, l10n);
        }));
        seat.textProperty().bind(text(() -> {
            GateStation.Answer a = vm.answerProperty().get();
            return a == null || a.seat() == null ? "" : GateTexts.seat(a.seat(), l10n);
        }));
        source.textProperty().bind(text(() -> {
            GateStation.Answer a = vm.answerProperty().get();
            return a == null ? "" : GateTexts.source(a.scan(), l10n);
        }));
        attendees.textProperty().bind(text(() -> {
            GateStation.Answer a = vm.answerProperty().get();
            return a == null || vm.checkingProperty().get() ? "" : GateTexts.attendees(a, l10n);
        }));
        seat.managedProperty().bind(seat.textProperty().isNotEmpty());
        attendees.managedProperty().bind(attendees.textProperty().isNotEmpty());
        attendees.visibleProperty().bind(attendees.textProperty().isNotEmpty());
        VBox answer = new VBox(12, headline, reason, seat, attendees, source);
        answer.setId("gateAnswer");
        answer.setAlignment(Pos.CENTER);
        answer.getStyleClass().add("gate-answer");
        VBox.setVgrow(answer, Priority.ALWAYS);
        Runnable paint = () -> {
            GateStation.Answer a = vm.answerProperty().get();
            boolean shown = a != null && !vm.checkingProperty().get();
            answer.pseudoClassStateChanged(ADMITTED, shown && a.scan().admitted());
            answer.pseudoClassStateChanged(REFUSED, shown && !a.scan().admitted());
        };
        vm.answerProperty().addListener((obs, old, now) -> paint.run());
        vm.checkingProperty().addListener((obs, old, now) -> paint.run());

        Label notice = new Label();
        notice.setId("gateNotice");
        notice.getStyleClass().add("gate-notice");
        notice.setWrapText(true);
        notice.textProperty().bind(l10n.binding(vm.noticeProperty()));
        vm.noticeIsProblemProperty().addListener((obs, old, now) -> notice.pseudoClassStateChanged(PROBLEM, now));

        VBox area = new VBox(12, caption("gate.code.label"), code, answer, notice);
        area.getStyleClass().add("gate-main");
        return area;
    }

    private VBox side() {
        GridPane counts = new GridPane();
        counts.setId("gateCounts");
        counts.getStyleClass().add("gate-counts");
        Runnable fill = () -> {
            counts.getChildren().clear();
            counts.addRow(0, heading("gate.counts.gate"), heading("gate.counts.here"), heading("gate.counts.all"));
            int row = 1;
            for (GateViewModel.GateLine line : vm.gateLines()) {
                Label all = number(line.all() == null ? "\u2014" : Integer.toString(line.all()));
                all.setId("gateCountAll-" + line.gateId());
                Label here = number(Integer.toString(line.here()));
                here.setId("gateCountHere-" + line.gateId());
                counts.addRow(row++, new Label(line.gateId()), here, all);
            }
        };
        vm.gateLines().addListener((javafx.collections.ListChangeListener<GateViewModel.GateLine>) c -> fill.run());
        l10n.localeProperty().addListener((obs, old, now) -> fill.run());
        fill.run();
        Label totals = new Label();
        totals.setId("gateTotals");
        totals.setWrapText(true);
        totals.textProperty().bind(text(() -> {
            GateScans.Counts c = vm.countsProperty().get();
            return c == null ? "" : l10n.text("gate.counts.totals", c.refused(), c.duplicates());
        }));

        ListView<ScanRecord> recent = new ListView<>(vm.recent());
        recent.setId("gateRecent");
        recent.setPrefHeight(230);
        recent.setFocusTraversable(false);
        recent.setPlaceholder(caption("gate.recent.none"));
        recent.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(ScanRecord item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(ADMITTED, !empty && item != null && item.admitted() && !item.duplicate());
                pseudoClassStateChanged(REFUSED, !empty && item != null && !item.admitted());
                pseudoClassStateChanged(DUPLICATE, !empty && item != null && item.duplicate());
                GateStation s = vm.stationProperty().get();
                setText(empty || item == null || s == null ? null : GateTexts.line(item, s.seat(item.seatId()), l10n));
            }
        });
        l10n.localeProperty().addListener((obs, old, now) -> recent.refresh());
        recent.getStyleClass().add("gate-recent");

        VBox side = new VBox(8, section("gate.counts.title", counts, totals), section("gate.recent.title", recent),
                vm.pcscReaderName().isPresent() ? readerBox() : chipTray());
        VBox standing = standingAreas();
        // issue 18: only an event with standing areas shows them
        standing.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.areas()));
        standing.managedProperty().bind(standing.visibleProperty());
        side.getChildren().add(1, standing);
        side.getStyleClass().add("gate-side");
        return side;
    }

    /**
     * Issue 18: each standing area with its admissions here, and a button to mark it full at the door or open it.
     * The lines are made once per set of areas and updated in place after each scan and sync (every few seconds), so
     * a button keeps the keyboard focus and a click never lands on a line that was just replaced.
     */
    private VBox standingAreas() {
        VBox lines = new VBox(4);
        lines.setId("gateAreas");
        Map<String, Label> texts = new LinkedHashMap<>();
        Map<String, Button> toggles = new LinkedHashMap<>();
        Runnable fill = () -> {
            List<String> ids = vm.areas().stream().map(GateStation.AreaLine::areaId).toList();
            if (!ids.equals(List.copyOf(texts.keySet()))) {
                lines.getChildren().clear();
                texts.clear();
                toggles.clear();
                for (String areaId : ids) {
                    Label text = new Label();
                    text.setId("gateArea-" + areaId);
                    text.setWrapText(true);
                    text.setMinHeight(Region.USE_PREF_SIZE);
                    Button toggle = new Button();
                    toggle.setId("gateAreaToggle-" + areaId);
                    toggle.setOnAction(e -> vm.areas().stream().filter(a -> a.areaId().equals(areaId)).findFirst()
                            .ifPresent(a -> vm.markAreaFull(areaId, !a.full())));
                    // the line wraps over the panel's width, its button under it: neither is cut in the side panel
                    VBox line = new VBox(4, text, toggle);
                    lines.getChildren().add(line);
                    texts.put(areaId, text);
                    toggles.put(areaId, toggle);
                }
            }
            for (GateStation.AreaLine a : vm.areas()) {
                Label text = texts.get(a.areaId());
                text.setText(GateTexts.area(a, l10n));
                text.getStyleClass().removeAll("gate-area-full", "gate-area-open");
                text.getStyleClass().add(a.full() ? "gate-area-full" : "gate-area-open");
                toggles.get(a.areaId()).setText(l10n.text(a.full() ? "gate.areas.reopen" : "gate.areas.markFull"));
            }
        };
        vm.areas().addListener((javafx.collections.ListChangeListener<GateStation.AreaLine>) c -> fill.run());
        l10n.localeProperty().addListener((obs, old, now) -> fill.run());
        fill.run();
        return section("gate.areas.title", lines);
    }

    /** A real reader chosen in Settings: what it is doing; the guest holds the card to it, nobody presses a key. */
    private Node readerBox() {
        Label state = new Label();
        state.setId("gateReader");
        state.setWrapText(true);
        state.textProperty().bind(l10n.binding(vm.readerProperty()));
        return section("gate.reader.title", state);
    }

    /** The simulated reader: the virtual chips, one chosen and tapped with Ctrl+T or Enter. */
    private Node chipTray() {
        ListView<VirtualChip> chips = new ListView<>(vm.chips());
        chips.setId("gateChips");
        chips.setPrefHeight(120);
        chips.setPlaceholder(caption("gate.chips.none"));
        chips.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(VirtualChip item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.owner() == null ? item.label()
                        : l10n.text("gate.chips.card", item.owner(), GateTexts.shortChip(item.chipId())));
            }
        });
        l10n.localeProperty().addListener((obs, old, now) -> chips.refresh());
        chips.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> vm.chipProperty().set(now));
        chips.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.tapChip();
                e.consume();
            }
        });
        Button tap = button("gateTap", "gate.chips.tap");
        tap.setOnAction(e -> vm.tapChip());
        tap.disableProperty().bind(vm.chipProperty().isNull().or(vm.stationProperty().isNull()));
        tap.setMaxWidth(Double.MAX_VALUE);

        return section("gate.chips.title", chips, tap);
    }

    private StringBinding text(java.util.concurrent.Callable<String> compute) {
        return Bindings.createStringBinding(compute, vm.answerProperty(), vm.checkingProperty(), vm.stationProperty(),
                vm.countsProperty(), l10n.localeProperty());
    }

    private Label heading(String key) {
        Label l = new Label(l10n.text(key));
        l.getStyleClass().add("gate-counts-heading");
        return l;
    }

    private static Label number(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("gate-count");
        return l;
    }

    private VBox section(String key, Node... children) {
        Label title = caption(key);
        title.getStyleClass().add("section-title");
        VBox box = new VBox(6, title);
        box.getChildren().addAll(children);
        box.getStyleClass().add("gate-section");
        return box;
    }

    private Label caption(String key) {
        Label l = new Label();
        l.textProperty().bind(l10n.binding(key));
        return l;
    }

    private Button button(String id, String key) {
        return dev.tessera.desktop.ui.Controls.button(id, key, l10n);
    }
}
