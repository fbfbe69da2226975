package dev.tessera.designer.editor;

import dev.tessera.designer.i18n.Messages;
import dev.tessera.designer.render.PlanNavigator;
import dev.tessera.designer.render.PlanSurface;
import dev.tessera.designer.render.PlanViewport;
import dev.tessera.designer.render.SeatLayer;
import dev.tessera.designer.render.SeatRaster;
import java.nio.IntBuffer;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;

/**
 * The whole plan in small, with the part the main view shows as a rectangle; clicking or dragging
 * in it moves the main view there. Seats are stamped with the same renderer, one pixel each.
 */
final class Minimap extends Pane {
    static final int WIDTH = 200;
    static final int HEIGHT = 140;

    private final SeatLayer layer;
    private final PlanSurface main;
    private final PlanNavigator navigator;
    private final PlanViewport viewport = new PlanViewport();
    private final SeatRaster raster;
    private final PixelBuffer<IntBuffer> buffer;
    private final Canvas frame = new Canvas(WIDTH, HEIGHT);
    private boolean seatsStale = true;

    Minimap(SeatLayer layer, PlanSurface main, PlanNavigator navigator) {
        this.layer = layer;
        this.main = main;
        this.navigator = navigator;
        int[] pixels = new int[WIDTH * HEIGHT];
        buffer = new PixelBuffer<>(WIDTH, HEIGHT, IntBuffer.wrap(pixels), PixelFormat.getIntArgbPreInstance());
        raster = new SeatRaster(WIDTH, HEIGHT, pixels);
        getStyleClass().add("minimap");
        getChildren().addAll(new ImageView(new WritableImage(buffer)), frame);
        setPrefSize(WIDTH, HEIGHT);
        setMinSize(WIDTH, HEIGHT);
        setMaxSize(WIDTH, HEIGHT);
        setAccessibleText(Messages.get("editor.minimap"));
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::moveMainView);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::moveMainView);
    }

    /** The seats changed: restamp them at the next {@link #refresh()}. */
    void seatsChanged() {
        seatsStale = true;
    }

    /** Draws stale seats and the main view's frame. */
    void refresh() {
        if (seatsStale) {
            seatsStale = false;
            double[] b = layer.bounds();
            viewport.fit(b[0], b[1], b[2], b[3], WIDTH, HEIGHT, 6);
            layer.render(raster, viewport, 0, false);
            buffer.updateBuffer(x -> null);
        }
        GraphicsContext g = frame.getGraphicsContext2D();
        g.clearRect(0, 0, WIDTH, HEIGHT);
        PlanViewport v = main.viewport();
        double x0 = viewport.toScreenX(v.toPlanX(0));
        double y0 = viewport.toScreenY(v.toPlanY(0));
        double x1 = viewport.toScreenX(v.toPlanX(main.getWidth()));
        double y1 = viewport.toScreenY(v.toPlanY(main.getHeight()));
        g.setStroke(Color.web("#E53935"));
        g.setLineWidth(1.5);
        g.strokeRect(x0, y0, x1 - x0, y1 - y0);
    }

    private void moveMainView(MouseEvent e) {
        navigator.centreOn(viewport.toPlanX(e.getX()), viewport.toPlanY(e.getY()));
        e.consume();
    }
}
