package dev.tessera.designer.editor;

import dev.tessera.designer.geometry.IntList;
import dev.tessera.designer.i18n.Messages;
import dev.tessera.designer.job.Job;
import dev.tessera.designer.model.BackgroundImage;
import dev.tessera.designer.model.DesignArea;
import dev.tessera.designer.model.DesignSeat;
import dev.tessera.designer.model.DocumentChange;
import dev.tessera.designer.model.DocumentListener;
import dev.tessera.designer.model.PlanElement;
import dev.tessera.designer.model.SeatDocument;
import dev.tessera.designer.model.Selection;
import dev.tessera.designer.model.StageShape;
import dev.tessera.designer.render.DocumentRendering;
import dev.tessera.designer.render.GridBackdrop;
import dev.tessera.designer.render.PlanNavigator;
import dev.tessera.designer.render.PlanSurface;
import dev.tessera.designer.render.PlanViewport;
import dev.tessera.designer.render.SeatLayer;
import dev.tessera.designer.tool.PlanPointer;
import dev.tessera.designer.tool.Tool;
import dev.tessera.designer.tool.ToolContext;
import dev.tessera.designer.tool.ToolOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.shape.Rectangle;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The plan as the editor shows it: the seat surface with the editor overlay, rulers, a minimap
 * and a background image for tracing; pointer input goes to the current tool. It is the tools'
 * {@link ToolContext}.
 */
final class PlanEditorPane extends BorderPane implements ToolContext {
    private final SeatDesigner designer;
    private final SeatLayer layer = new SeatLayer();
    private final PlanSurface surface;
    private final PlanNavigator navigator;
    private final DocumentRendering rendering;
    private final Rulers rulers = new Rulers();
    private final Minimap minimap;
    private final ImageView background = new ImageView();
    /** The plan's colour when no background image is traced (a transparent raster shows the image). */
    static final int PLAN_COLOR = 0xFFF7F8FA;
    private final DocumentListener documentListener = this::documentChanged;
    private String backgroundLocation;
    private boolean fitPending = true;
    private final javafx.beans.property.StringProperty pointerText = new javafx.beans.property.SimpleStringProperty("");
    private double pointerPlanX;
    private double pointerPlanY;

    PlanEditorPane(SeatDesigner designer) {
        this.designer = designer;
        surface = new PlanSurface(layer) {
            @Override
            protected void onResized(int width, int height) {
                if (fitPending) {
                    fitPending = false;
                    navigator.fit();
                }
            }
        };
        surface.setAccessibleText(Messages.get("editor.plan"));
        navigator = new PlanNavigator(surface, this::planBounds);
        rendering = new DocumentRendering(surface, designer.getSelection());
        minimap = new Minimap(layer, surface, navigator);
        surface.addUnderlay(background);
        background.setMouseTransparent(true);
        // the grid and the plan's colour go into the seat raster: no extra layer to composite
        layer.setBackdrop(new GridBackdrop(designer.getOptions().gridVisible::get, designer.getOptions().gridSize::get));
        surface.setRasterBackground(PLAN_COLOR);
        EditorOverlay overlay = new EditorOverlay(designer::getDocument, designer.getSelection(), layer,
                designer.getOptions());
        surface.addOverlayPainter(overlay);
        surface.addOverlayPainter((g, v, w, h) -> {
            Tool tool = designer.toolProperty().get();
            if (tool != null) {
                tool.paint(this, g);
            }
        });
        surface.addOverlayPainter((g, v, w, h) -> {
            rulers.paint(v, w, h);
            minimap.refresh();
            placeBackground();
        });

        getStyleClass().add("plan-editor");
        StackPane centre = new StackPane(surface, minimap, toolHint(designer));
        StackPane.setAlignment(minimap, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(minimap, new javafx.geometry.Insets(8));
        Region corner = new Region();
        corner.getStyleClass().add("ruler");
        corner.setMinSize(Rulers.SIZE, Rulers.SIZE);
        corner.setPrefSize(Rulers.SIZE, Rulers.SIZE);
        BorderPane top = new BorderPane(rulerHolder(rulers.top(), true));
        top.setLeft(corner);
        setTop(top);
        setLeft(rulerHolder(rulers.left(), false));
        setCenter(centre);

        surface.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> pointer(e, Phase.PRESSED));
        surface.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> pointer(e, Phase.DRAGGED));
        surface.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> pointer(e, Phase.RELEASED));
        surface.addEventHandler(MouseEvent.MOUSE_MOVED, e -> pointer(e, Phase.MOVED));

        designer.documentProperty().addListener((obs, old, now) -> showDocument(old, now));
        designer.toolProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.cancel(this);
            }
            surface.setCursor(now == null ? null : now.cursor());
        });
        surface.setCursor(designer.toolProperty().get().cursor());
        ToolOptions o = designer.getOptions();
        o.gridVisible.addListener((obs, old, now) -> surface.requestFullRedraw());
        o.gridSize.addListener((obs, old, now) -> surface.requestFullRedraw());
        showDocument(null, designer.getDocument());
    }

    /** What to do next with the chosen tool, over the plan's top-left corner (issue 17: no tool leaves one guessing). */
    private static javafx.scene.control.Label toolHint(SeatDesigner designer) {
        javafx.scene.control.Label hint = new javafx.scene.control.Label();
        hint.setId("tool-hint");
        hint.getStyleClass().add("tool-hint");
        hint.setWrapText(true);
        hint.setMaxWidth(460);
        hint.setMouseTransparent(true);
        StackPane.setAlignment(hint, Pos.TOP_LEFT);
        StackPane.setMargin(hint, new javafx.geometry.Insets(8));
        Runnable show = () -> {
            Tool tool = designer.toolProperty().get();
            hint.setText(tool == null ? "" : Messages.get(tool.hintKey()));
            hint.setVisible(tool != null);
        };
        designer.toolProperty().addListener((obs, old, now) -> show.run());
        show.run();
        return hint;
    }

    private enum Phase { PRESSED, DRAGGED, RELEASED, MOVED }

    PlanSurface surface() {
        return surface;
    }

    PlanNavigator navigator() {
        return navigator;
    }

    SeatLayer layer() {
        return layer;
    }

    javafx.beans.property.StringProperty pointerText() {
        return pointerText;
    }

    double pointerPlanX() {
        return pointerPlanX;
    }

    double pointerPlanY() {
        return pointerPlanY;
    }

    /** Fits the plan into the view now, or at the first layout if the view has no size yet. */
    void fit() {
        if (surface.getWidth() > 0) {
            navigator.fit();
        } else {
            fitPending = true;
        }
    }

    private void showDocument(SeatDocument old, SeatDocument now) {
        if (old != null) {
            old.removeListener(documentListener);
        }
        if (now != null) {
            now.addListener(documentListener);
        }
        rendering.setDocument(now);
        minimap.seatsChanged();
        fit();
    }

    private void documentChanged(DocumentChange change) {
        minimap.seatsChanged();
        surface.requestOverlay();
    }

    private double[] planBounds() {
        double[] b = layer.count() > 0 ? layer.bounds() : new double[] {-1000, -1000, 1000, 1000};
        SeatDocument d = designer.getDocument();
        List<PlanElement> others = new ArrayList<>();
        if (d != null) {
            others.addAll(d.areas());
            others.addAll(d.gates());
            others.addAll(d.labels());
            others.addAll(d.tables());
            d.stage().ifPresent(others::add);
            if (layer.count() == 0 && !others.isEmpty()) {
                b = others.getFirst().bounds();
            }
            for (PlanElement e : others) {
                double[] eb = e.bounds();
                b = new double[] {Math.min(b[0], eb[0]), Math.min(b[1], eb[1]), Math.max(b[2], eb[2]), Math.max(b[3], eb[3])};
            }
        }
        return b;
    }

    private void pointer(MouseEvent e, Phase phase) {
        if (e.isConsumed()) {
            return;
        }
        PlanViewport v = surface.viewport();
        pointerPlanX = v.toPlanX(e.getX());
        pointerPlanY = v.toPlanY(e.getY());
        Tool tool = designer.toolProperty().get();
        if (tool == null || (phase != Phase.MOVED && e.getButton() != MouseButton.PRIMARY && phase != Phase.DRAGGED)) {
            return;
        }
        if (phase == Phase.DRAGGED && !e.isPrimaryButtonDown()) {
            return;
        }
        PlanPointer p = new PlanPointer(e.getX(), e.getY(), pointerPlanX, pointerPlanY, e.isShiftDown(),
                e.isShortcutDown(), e.isAltDown(), e.getClickCount());
        switch (phase) {
            case PRESSED -> tool.pressed(this, p);
            case DRAGGED -> tool.dragged(this, p);
            case RELEASED -> tool.released(this, p);
            case MOVED -> tool.moved(this, p);
        }
        if (phase != Phase.MOVED) {
            surface.requestOverlay();
        }
        pointerText.set(Messages.get("status.pointer", pointerPlanX / 100, pointerPlanY / 100));
    }

    private void placeBackground() {
        SeatDocument d = designer.getDocument();
        BackgroundImage b = d == null ? null : d.background().orElse(null);
        if (b == null) {
            if (background.getImage() != null) {
                background.setImage(null);
                surface.setRasterBackground(PLAN_COLOR);
            }
            backgroundLocation = null;
            return;
        }
        if (background.getImage() == null) {
            surface.setRasterBackground(0);
        }
        if (!b.location().equals(backgroundLocation)) {
            backgroundLocation = b.location();
            String url = b.location().contains(":/") ? b.location() : Path.of(b.location()).toUri().toString();
            background.setImage(new Image(url, true));
        }
        Image image = background.getImage();
        PlanViewport v = surface.viewport();
        background.setOpacity(b.opacity());
        background.setLayoutX(v.toScreenX(b.x()));
        background.setLayoutY(v.toScreenY(b.y()));
        if (image != null && image.getWidth() > 0) {
            background.setFitWidth(image.getWidth() * b.centimetresPerPixel() * v.scale());
            background.setFitHeight(image.getHeight() * b.centimetresPerPixel() * v.scale());
        } else if (image != null) {
            image.widthProperty().addListener((obs, old, now) -> surface.requestOverlay());
        }
    }

    // ---- ToolContext ----

    @Override
    public SeatDocument document() {
        return designer.getDocument();
    }

    @Override
    public Selection selection() {
        return designer.getSelection();
    }

    @Override
    public void push(Job job) {
        designer.push(job);
    }

    @Override
    public PlanViewport viewport() {
        return surface.viewport();
    }

    @Override
    public ToolOptions options() {
        return designer.getOptions();
    }

    @Override
    public PlanElement elementAt(double planX, double planY) {
        SeatDocument d = document();
        int seat = layer.count() == d.seatCount() ? layer.seatAt(planX, planY) : -1;
        if (seat >= 0) {
            return d.seats().get(seat);
        }
        double slop = 4 / surface.viewport().scale();
        List<PlanElement> small = new ArrayList<>();
        small.addAll(d.gates());
        small.addAll(d.labels());
        small.addAll(d.tables());
        for (int i = small.size() - 1; i >= 0; i--) {
            double[] b = small.get(i).bounds();
            if (planX >= b[0] - slop && planX <= b[2] + slop && planY >= b[1] - slop && planY <= b[3] + slop) {
                return small.get(i);
            }
        }
        for (int i = d.areas().size() - 1; i >= 0; i--) {
            DesignArea area = d.areas().get(i);
            if (area.contains(planX, planY)) {
                return area;
            }
        }
        StageShape stage = d.stage().orElse(null);
        if (stage != null && stage.contains(planX, planY)) {
            return stage;
        }
        return null;
    }

    @Override
    public List<PlanElement> elementsIn(double x0, double y0, double x1, double y1) {
        double minX = Math.min(x0, x1);
        double maxX = Math.max(x0, x1);
        double minY = Math.min(y0, y1);
        double maxY = Math.max(y0, y1);
        SeatDocument d = document();
        List<PlanElement> inside = new ArrayList<>();
        if (layer.count() == d.seatCount()) {
            IntList found = new IntList();
            layer.grid().queryRect(minX, minY, maxX, maxY, found);
            int[] raw = found.raw();
            java.util.Arrays.sort(raw, 0, found.size());
            List<DesignSeat> seats = d.seats();
            for (int k = 0; k < found.size(); k++) {
                inside.add(seats.get(raw[k]));
            }
        }
        List<PlanElement> others = new ArrayList<>();
        others.addAll(d.areas());
        others.addAll(d.gates());
        others.addAll(d.labels());
        others.addAll(d.tables());
        for (PlanElement e : others) {
            double[] b = e.bounds();
            if (b[0] >= minX && b[2] <= maxX && b[1] >= minY && b[3] <= maxY) {
                inside.add(e);
            }
        }
        return inside;
    }

    @Override
    public void repaintOverlay() {
        surface.requestOverlay();
    }

    /**
     * A ruler's canvas in a pane that asks for no length of its own: a canvas is as wide as it was last painted, and
     * laid out directly it would keep the designer from ever getting narrower than the widest window it was shown in
     * (the embedded designer then ran past a 1366-pixel window's edge after being shown at 1920).
     */
    private static Pane rulerHolder(javafx.scene.canvas.Canvas ruler, boolean horizontal) {
        Pane holder = new Pane(ruler);
        if (horizontal) {
            holder.setMinSize(0, Rulers.SIZE);
            holder.setPrefSize(0, Rulers.SIZE);
        } else {
            holder.setMinSize(Rulers.SIZE, 0);
            holder.setPrefSize(Rulers.SIZE, 0);
        }
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(holder.widthProperty());
        clip.heightProperty().bind(holder.heightProperty());
        holder.setClip(clip);
        return holder;
    }
}
