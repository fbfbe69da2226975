package dev.tessera.designer.editor;

import dev.tessera.designer.render.PlanViewport;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** The rulers along the top and the left of the plan, in metres, with ticks that follow the zoom. */
final class Rulers {
    static final double SIZE = 20;
    private static final double[] STEPS_CM = {10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000};

    private final Canvas top = new Canvas();
    private final Canvas left = new Canvas();

    Rulers() {
        top.setHeight(SIZE);
        left.setWidth(SIZE);
        top.getStyleClass().add("ruler");
        left.getStyleClass().add("ruler");
    }

    Canvas top() {
        return top;
    }

    Canvas left() {
        return left;
    }

    void paint(PlanViewport v, double width, double height) {
        top.setWidth(width);
        left.setHeight(height);
        double step = STEPS_CM[STEPS_CM.length - 1];
        for (double candidate : STEPS_CM) {
            if (candidate * v.scale() >= 70) {
                step = candidate;
                break;
            }
        }
        paint(top.getGraphicsContext2D(), width, step, v.scale(), v.offsetX(), true);
        paint(left.getGraphicsContext2D(), height, step, v.scale(), v.offsetY(), false);
    }

    private static void paint(GraphicsContext g, double length, double step, double scale, double offset,
            boolean horizontal) {
        g.setFill(Color.web("#ECEFF1"));
        if (horizontal) {
            g.fillRect(0, 0, length, SIZE);
        } else {
            g.fillRect(0, 0, SIZE, length);
        }
        g.setStroke(Color.web("#78909C"));
        g.setFill(Color.web("#37474F"));
        g.setLineWidth(1);
        g.setFont(Font.font(9));
        g.setTextBaseline(VPos.TOP);
        double minor = step / 5;
        double first = Math.floor(-offset / scale / step) * step;
        for (double cm = first; cm * scale + offset <= length; cm += minor) {
            double at = Math.round(cm * scale + offset) + 0.5;
            boolean major = Math.abs(Math.IEEEremainder(cm, step)) < 1e-6;
            double tick = major ? SIZE * 0.6 : SIZE * 0.25;
            if (horizontal) {
                g.strokeLine(at, SIZE - tick, at, SIZE);
                if (major) {
                    g.setTextAlign(TextAlignment.LEFT);
                    g.fillText(metres(cm), at + 2, 1);
                }
            } else {
                g.strokeLine(SIZE - tick, at, SIZE, at);
                if (major) {
                    g.save();
                    g.translate(1, at + 2);
                    g.rotate(90);
                    g.setTextAlign(TextAlignment.LEFT);
                    g.fillText(metres(cm), 0, -9);
                    g.restore();
                }
            }
        }
    }

    private static String metres(double cm) {
        double m = cm / 100;
        return Math.abs(m - Math.round(m)) < 1e-9 ? Long.toString(Math.round(m)) + " m" : String.format("%.1f m", m);
    }
}
