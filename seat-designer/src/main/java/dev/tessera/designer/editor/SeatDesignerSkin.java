package dev.tessera.designer.editor;

import dev.tessera.designer.i18n.Messages;
import dev.tessera.designer.render.PlanSurface;
import dev.tessera.designer.tool.SelectTool;
import dev.tessera.designer.tool.Tool;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The designer's look: toolbars, the plan, the side panels (properties, categories, numbering,
 * problems) and a status bar; and its keyboard. The panels are separate classes; this class only
 * puts them together and maps keys to commands.
 */
public class SeatDesignerSkin extends SkinBase<SeatDesigner> {
    private final PlanEditorPane plan;
    private final EditorToolBar toolBar;
    private final DesignerCommands commands;
    private final ProblemsPanel problems;
    private final TabPane side;

    public SeatDesignerSkin(SeatDesigner designer) {
        super(designer);
        commands = new DesignerCommands(designer);
        plan = new PlanEditorPane(designer);
        commands.attach(plan);
        toolBar = new EditorToolBar(designer, commands);
        problems = new ProblemsPanel(designer, plan);
        Tab problemsTab = new Tab(Messages.get("problems.title"), problems);
        side = new TabPane(
                new Tab(Messages.get("properties.title"), new PropertiesPanel(designer)),
                new Tab(Messages.get("categories.title"), new CategoriesPanel(designer)),
                new Tab(Messages.get("numbering.title"), new NumberingPanel(designer)),
                problemsTab);
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        side.setMinWidth(400);
        designer.getProblems().addListener((javafx.collections.ListChangeListener<Object>) c -> {
            if (!designer.getProblems().isEmpty()) {
                side.getSelectionModel().select(problemsTab);
            }
        });

        SplitPane split = new SplitPane(plan, side);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.72);
        SplitPane.setResizableWithParent(side, false);

        BorderPane root = new BorderPane(split);
        root.setTop(toolBar);
        root.setBottom(statusBar(designer));
        getChildren().add(root);

        designer.addEventHandler(KeyEvent.KEY_PRESSED, this::globalKeys);
        plan.surface().addEventFilter(KeyEvent.KEY_PRESSED, this::planKeys);
    }

    /** The plan node, for tests and benchmarks that drive the renderer. */
    public PlanSurface surface() {
        return plan.surface();
    }

    /** Fits the whole plan into view. */
    public void fit() {
        plan.fit();
    }

    private Region statusBar(SeatDesigner designer) {
        Label message = new Label();
        message.textProperty().bind(designer.statusMessageProperty());
        Label counts = new Label();
        Runnable refresh = () -> counts.setText(Messages.get("status.counts", designer.getDocument().seatCount(),
                designer.getSelection().size()));
        designer.getSelection().addListener(refresh);
        designer.getJobManager().revisionProperty().addListener((obs, old, now) -> refresh.run());
        designer.documentProperty().addListener((obs, old, now) -> refresh.run());
        refresh.run();
        Label pointer = new Label();
        pointer.textProperty().bind(plan.pointerText());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox bar = new HBox(16, message, spring, toolBar.viewControls, counts, pointer);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        bar.setPadding(new Insets(3, 8, 3, 8));
        return bar;
    }

    /** Keys that work wherever the focus is (unless a text field used them first). */
    private void globalKeys(KeyEvent e) {
        SeatDesigner designer = getSkinnable();
        boolean shortcut = e.isShortcutDown();
        KeyCode code = e.getCode();
        if (shortcut && code == KeyCode.Z && !e.isShiftDown()) {
            designer.getJobManager().undo();
        } else if (shortcut && (code == KeyCode.Y || (code == KeyCode.Z && e.isShiftDown()))) {
            designer.getJobManager().redo();
        } else if (shortcut && code == KeyCode.S) {
            if (e.isShiftDown()) {
                commands.saveAs();
            } else {
                commands.save();
            }
        } else if (shortcut && code == KeyCode.O) {
            commands.open();
        } else if (shortcut && code == KeyCode.QUOTE) {
            designer.getOptions().gridVisible.set(!designer.getOptions().gridVisible.get());
        } else if (shortcut && code == KeyCode.SEMICOLON) {
            designer.getOptions().snapToGrid.set(!designer.getOptions().snapToGrid.get());
        } else {
            return;
        }
        e.consume();
    }

    /** Keys for the plan: editing commands, tools, nudging. */
    private void planKeys(KeyEvent e) {
        SeatDesigner designer = getSkinnable();
        EditorActions actions = designer.getActions();
        Tool tool = designer.toolProperty().get();
        if (tool != null && tool.keyPressed(plan, e)) {
            e.consume();
            return;
        }
        boolean shortcut = e.isShortcutDown();
        double step = e.isShiftDown() ? 100 : designer.getOptions().snapToGrid.get() ? designer.getOptions().gridSize.get() : 10;
        KeyCode code = e.getCode();
        boolean selection = !designer.getSelection().isEmpty();
        switch (code) {
            case DELETE, BACK_SPACE -> actions.delete();
            case C -> {
                if (!shortcut) {
                    return;
                }
                actions.copy();
            }
            case V -> {
                if (!shortcut) {
                    return;
                }
                actions.paste();
            }
            case D -> {
                if (!shortcut) {
                    return;
                }
                actions.duplicate();
            }
            case A -> {
                if (!shortcut) {
                    return;
                }
                actions.selectAll();
            }
            case R -> {
                if (!shortcut) {
                    return;
                }
                actions.rotate(e.isShiftDown() ? -15 : 15);
            }
            case ESCAPE -> {
                if (tool != null) {
                    tool.cancel(plan);
                }
                if (!(tool instanceof SelectTool)) {
                    designer.toolProperty().set(toolBar.tools.get("select"));
                } else {
                    designer.getSelection().clear();
                }
            }
            case LEFT, RIGHT, UP, DOWN -> {
                if (!selection || shortcut) {
                    return;
                }
                double dx = code == KeyCode.LEFT ? -step : code == KeyCode.RIGHT ? step : 0;
                double dy = code == KeyCode.UP ? -step : code == KeyCode.DOWN ? step : 0;
                actions.nudge(dx, dy);
            }
            case DIGIT1, DIGIT2, DIGIT3, DIGIT4, DIGIT5, DIGIT6, DIGIT7, DIGIT8 -> {
                if (shortcut) {
                    return;
                }
                List<Tool> tools = new ArrayList<>(toolBar.tools.values());
                int index = code.ordinal() - KeyCode.DIGIT1.ordinal();
                designer.toolProperty().set(tools.get(index));
            }
            default -> {
                return;
            }
        }
        e.consume();
    }
}
