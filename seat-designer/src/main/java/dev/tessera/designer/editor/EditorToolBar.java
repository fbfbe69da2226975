package dev.tessera.designer.editor;

import dev.tessera.designer.i18n.Messages;
import dev.tessera.designer.model.DesignSection;
import dev.tessera.designer.tool.PlacementTools;
import dev.tessera.designer.tool.RowShape;
import dev.tessera.designer.tool.RowTool;
import dev.tessera.designer.tool.SelectTool;
import dev.tessera.designer.tool.Tool;
import dev.tessera.designer.tool.ToolOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The editor's two bars: tools and commands on top, the current tool's options below. Every
 * button has a keyboard equivalent, listed in its tooltip and in docs/seat-designer.md.
 */
final class EditorToolBar extends VBox {
    /** The tools in toolbar order; digits 1-8 pick them from the keyboard. */
    final Map<String, Tool> tools = new LinkedHashMap<>();
    final ToggleGroup toolGroup = new ToggleGroup();
    /** Zoom, fit, grid and snap: shown in the status bar, where there is room. */
    final javafx.scene.layout.HBox viewControls = new javafx.scene.layout.HBox(4);
    private final SeatDesigner designer;

    EditorToolBar(SeatDesigner designer, DesignerCommands commands) {
        this.designer = designer;
        tools.put("select", designer.toolProperty().get() instanceof SelectTool s ? s : new SelectTool());
        tools.put("section", new PlacementTools.SectionTool());
        tools.put("row", new RowTool());
        tools.put("area", new PlacementTools.AreaTool());
        tools.put("table", new PlacementTools.TableTool());
        tools.put("stage", new PlacementTools.StageTool());
        tools.put("gate", new PlacementTools.GateTool());
        tools.put("label", new PlacementTools.LabelTool());

        ToolBar main = new ToolBar();
        MenuButton file = new MenuButton(Messages.get("toolbar.more"));
        file.setId("file-menu");
        file.getItems().addAll(
                item("toolbar.open", commands::open),
                item("toolbar.saveAs", commands::saveAs),
                new javafx.scene.control.SeparatorMenuItem(),
                item("toolbar.importCsv", commands::importCsv),
                item("toolbar.background", commands::chooseBackground),
                new javafx.scene.control.SeparatorMenuItem(),
                item("toolbar.exportPng", commands::exportPng),
                item("toolbar.exportSvg", commands::exportSvg),
                item("toolbar.exportPdf", commands::exportPdf));
        main.getItems().addAll(file, button("toolbar.save", "Ctrl+S", commands::save), new Separator());
        int digit = 1;
        for (Map.Entry<String, Tool> entry : tools.entrySet()) {
            ToggleButton toggle = new ToggleButton(Messages.get(entry.getValue().nameKey()));
            toggle.setToggleGroup(toolGroup);
            toggle.setUserData(entry.getValue());
            toggle.setId("tool-" + entry.getKey());
            toggle.setTooltip(new Tooltip(Messages.get(entry.getValue().nameKey()) + " (" + digit++ + ")"));
            main.getItems().add(toggle);
        }
        toolGroup.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else {
                designer.toolProperty().set((Tool) now.getUserData());
            }
        });
        designer.toolProperty().addListener((obs, old, now) -> select(now));
        select(designer.toolProperty().get());

        Button undo = button("toolbar.undo", "Ctrl+Z", () -> designer.getJobManager().undo());
        undo.disableProperty().bind(designer.getJobManager().canUndoProperty().not());
        Button redo = button("toolbar.redo", "Ctrl+Y", () -> designer.getJobManager().redo());
        redo.disableProperty().bind(designer.getJobManager().canRedoProperty().not());
        MenuButton align = new MenuButton(Messages.get("toolbar.align"));
        for (Alignment a : Alignment.values()) {
            MenuItem item = new MenuItem(Messages.get("align." + a.name().toLowerCase(Locale.ROOT)));
            item.setOnAction(e -> designer.getActions().align(a));
            align.getItems().add(item);
        }
        MenuItem across = new MenuItem(Messages.get("distribute.horizontal"));
        across.setOnAction(e -> designer.getActions().distribute(true));
        MenuItem down = new MenuItem(Messages.get("distribute.vertical"));
        down.setOnAction(e -> designer.getActions().distribute(false));
        align.getItems().addAll(new javafx.scene.control.SeparatorMenuItem(), across, down);
        ToggleButton grid = new ToggleButton(Messages.get("toolbar.grid"));
        grid.selectedProperty().bindBidirectional(designer.getOptions().gridVisible);
        grid.setTooltip(new Tooltip(Messages.get("toolbar.grid") + " (Ctrl+')"));
        ToggleButton snap = new ToggleButton(Messages.get("toolbar.snap"));
        snap.selectedProperty().bindBidirectional(designer.getOptions().snapToGrid);
        snap.setTooltip(new Tooltip(Messages.get("toolbar.snap") + " (Ctrl+;)"));
        main.getItems().addAll(new Separator(), undo, redo, new Separator(),
                button("toolbar.delete", "Delete", () -> designer.getActions().delete()),
                button("toolbar.duplicate", "Ctrl+D", () -> designer.getActions().duplicate()),
                button("toolbar.rotateLeft", "Ctrl+Shift+R", () -> designer.getActions().rotate(-15)),
                button("toolbar.rotateRight", "Ctrl+R", () -> designer.getActions().rotate(15)),
                align);
        // AtlantaFX's compact buttons (an unknown style class changes nothing under other themes)
        main.getItems().forEach(n -> n.getStyleClass().add("small"));
        viewControls.getChildren().addAll(
                button("toolbar.zoomOut", "-", commands::zoomOut),
                button("toolbar.zoomIn", "+", commands::zoomIn),
                button("toolbar.fit", "Home", commands::fit),
                grid, snap);
        viewControls.getChildren().forEach(n -> n.getStyleClass().add("small"));

        getChildren().addAll(main, optionsBar());
    }

    private void select(Tool tool) {
        toolGroup.getToggles().stream().filter(t -> t.getUserData() == tool).findFirst().ifPresent(t -> t.setSelected(true));
    }

    private ToolBar optionsBar() {
        ToolOptions o = designer.getOptions();
        ChoiceBox<RowShape> shape = new ChoiceBox<>();
        shape.getItems().setAll(RowShape.values());
        shape.valueProperty().bindBidirectional(o.rowShape);
        shape.setConverter(new StringConverter<>() {
            @Override
            public String toString(RowShape value) {
                return value == null ? "" : Messages.get("rowShape." + value.name().toLowerCase(Locale.ROOT));
            }

            @Override
            public RowShape fromString(String text) {
                throw new UnsupportedOperationException("not editable");
            }
        });
        shape.setId("row-shape");
        Spinner<Integer> rows = intSpinner(1, 100, o.rows.get(), v -> o.rows.set(v));
        rows.setId("row-count");
        Spinner<Integer> seatPitch = intSpinner(20, 500, (int) o.seatPitch.get(), v -> o.seatPitch.set(v));
        Spinner<Integer> rowPitch = intSpinner(40, 500, (int) o.rowPitch.get(), v -> o.rowPitch.set(v));
        Spinner<Integer> tableSeats = intSpinner(1, 24, o.tableSeats.get(), v -> o.tableSeats.set(v));
        Spinner<Integer> capacity = intSpinner(1, 1_000_000, o.areaCapacity.get(), v -> o.areaCapacity.set(v));
        TextField labelText = new TextField();
        labelText.textProperty().bindBidirectional(o.labelText);
        labelText.setPromptText(Messages.get("label.defaultText"));
        labelText.setPrefColumnCount(10);

        ComboBox<DesignSection> section = new ComboBox<>();
        section.setCellFactory(v -> sectionCell());
        section.setButtonCell(sectionCell());
        Runnable refreshSections = () -> {
            section.getItems().setAll(designer.getDocument().sections());
            section.setValue(o.section.get() != null && section.getItems().contains(o.section.get())
                    ? o.section.get() : section.getItems().isEmpty() ? null : section.getItems().getFirst());
        };
        section.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                o.section.set(now);
            }
        });
        o.section.addListener((obs, old, now) -> {
            if (now != null && section.getItems().contains(now)) {
                section.setValue(now);
            }
        });
        ComboBox<String> category = new ComboBox<>();
        category.setConverter(new StringConverter<>() {
            @Override
            public String toString(String id) {
                return id == null ? "" : designer.getDocument().category(id).map(c -> c.name()).orElse(id);
            }

            @Override
            public String fromString(String text) {
                throw new UnsupportedOperationException("not editable");
            }
        });
        Runnable refreshCategories = () -> {
            List<String> ids = designer.getDocument().categories().stream().map(c -> c.id()).toList();
            category.getItems().setAll(ids);
            category.setValue(o.categoryId.get() != null && ids.contains(o.categoryId.get()) ? o.categoryId.get()
                    : ids.isEmpty() ? null : ids.getFirst());
        };
        category.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                o.categoryId.set(now);
            }
        });
        o.categoryId.addListener((obs, old, now) -> {
            if (now != null && category.getItems().contains(now)) {
                category.setValue(now);
            }
        });
        designer.getJobManager().revisionProperty().addListener((obs, old, now) -> {
            refreshSections.run();
            refreshCategories.run();
        });
        designer.documentProperty().addListener((obs, old, now) -> {
            refreshSections.run();
            refreshCategories.run();
        });
        refreshSections.run();
        refreshCategories.run();

        ToolBar bar = new ToolBar();
        Supplier<List<Node>> rowOptions = () -> List.of(label("options.shape", shape), shape, label("options.rows", rows), rows,
                label("options.seatPitch", seatPitch), seatPitch, label("options.rowPitch", rowPitch), rowPitch);
        Runnable update = () -> {
            Tool tool = designer.toolProperty().get();
            bar.getItems().setAll(label("options.section", section), section, label("options.category", category), category,
                    new Separator());
            if (tool instanceof RowTool) {
                bar.getItems().addAll(rowOptions.get());
            } else if (tool instanceof PlacementTools.TableTool) {
                bar.getItems().addAll(label("options.tableSeats", tableSeats), tableSeats);
            } else if (tool instanceof PlacementTools.AreaTool) {
                bar.getItems().addAll(label("options.capacity", capacity), capacity, new Label(Messages.get("options.areaHint")));
            } else if (tool instanceof PlacementTools.LabelTool) {
                bar.getItems().addAll(label("options.labelText", labelText), labelText);
            } else if (tool instanceof SelectTool) {
                bar.getItems().add(new Label(Messages.get("options.selectHint")));
            }
        };
        designer.toolProperty().addListener((obs, old, now) -> update.run());
        update.run();
        return bar;
    }

    private static ListCell<DesignSection> sectionCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(DesignSection item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name());
            }
        };
    }

    private static Spinner<Integer> intSpinner(int min, int max, int initial, java.util.function.IntConsumer onChange) {
        Spinner<Integer> spinner = new Spinner<>(min, max, initial);
        spinner.setEditable(true);
        spinner.setPrefWidth(90);
        spinner.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                onChange.accept(now);
            }
        });
        return spinner;
    }

    private static Label label(String key, Node target) {
        Label label = new Label(Messages.get(key));
        label.setLabelFor(target);
        return label;
    }

    private static Button button(String key, String shortcut, Runnable action) {
        Button button = new Button(Messages.get(key));
        button.setOnAction(e -> action.run());
        button.setTooltip(new Tooltip(Messages.get(key + ".tip") + " (" + shortcut + ")"));
        button.setAccessibleText(Messages.get(key + ".tip"));
        button.setFocusTraversable(true);
        return button;
    }

    private static MenuItem item(String key, Runnable action) {
        MenuItem item = new MenuItem(Messages.get(key));
        item.setOnAction(e -> action.run());
        return item;
    }

}
