package dev.tessera.designer.editor;

import dev.tessera.core.seatmap.Point;
import dev.tessera.core.seatmap.SeatFlag;
import dev.tessera.designer.geometry.IntList;
import dev.tessera.designer.model.DesignArea;
import dev.tessera.designer.model.DesignGate;
import dev.tessera.designer.model.DesignRow;
import dev.tessera.designer.model.DesignSeat;
import dev.tessera.designer.model.DesignSection;
import dev.tessera.designer.model.PlanElement;
import dev.tessera.designer.model.PlanLabel;
import dev.tessera.designer.model.PlanTable;
import dev.tessera.designer.model.SeatDocument;
import dev.tessera.designer.model.Selection;
import dev.tessera.designer.model.StageShape;
import dev.tessera.designer.i18n.Messages;
import dev.tessera.designer.render.OverlayPainter;
import dev.tessera.designer.render.PlanViewport;
import dev.tessera.designer.render.SeatLayer;
import dev.tessera.designer.tool.ToolOptions;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Everything on the plan that is not a seat disc: grid, stage, standing areas, tables, gates,
 * labels, the focal point, row names and (zoomed in) seat numbers, and outlines of selected
 * non-seat elements. Text is drawn only when it is big enough to read, and seat numbers only for
 * seats in view.
 */
final class EditorOverlay implements OverlayPainter {
    private static final Color SELECTION = Color.web("#FF6D00");
    /** Seat labels are drawn from this seat diameter on screen (issue 17: readable from 14 px, was 24). */
    static final double SEAT_LABELS_FROM_PIXELS = 14;
    /** The smallest label font: below it a number is a smudge, so a long label may spill past its seat instead. */
    private static final double MIN_LABEL_FONT = 8.5;
    /** More seats in view than this and their labels are not drawn (a full window at 14 px holds about 5,000). */
    private static final int MAX_LABELLED_SEATS = 6000;

    private final Supplier<SeatDocument> document;
    private final Selection selection;
    private final SeatLayer layer;
    private final ToolOptions options;
    private final IntList visible = new IntList();

    EditorOverlay(Supplier<SeatDocument> document, Selection selection, SeatLayer layer, ToolOptions options) {
        this.document = document;
        this.selection = selection;
        this.layer = layer;
        this.options = options;
    }

    @Override
    public void paint(GraphicsContext g, PlanViewport v, double width, double height) {
        SeatDocument d = document.get();
        if (d == null) {
            return;
        }
        d.stage().ifPresent(stage -> paintStage(g, v, stage));
        for (DesignArea area : d.areas()) {
            paintArea(g, v, d, area);
        }
        for (DesignSection section : d.sections()) {
            paintSectionOutline(g, v, section);
        }
        for (PlanTable table : d.tables()) {
            double r = table.radius() * v.scale();
            g.setFill(Color.web("#D7CCC8"));
            g.setStroke(Color.web("#8D6E63"));
            g.setLineWidth(1);
            g.fillOval(v.toScreenX(table.x()) - r, v.toScreenY(table.y()) - r, 2 * r, 2 * r);
            g.strokeOval(v.toScreenX(table.x()) - r, v.toScreenY(table.y()) - r, 2 * r, 2 * r);
        }
        for (DesignGate gate : d.gates()) {
            paintGate(g, v, gate);
        }
        for (PlanLabel label : d.labels()) {
            double size = label.size() * v.scale();
            if (size >= 5) {
                g.setFill(Color.web("#263238"));
                g.setFont(Font.font(null, FontWeight.BOLD, size));
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(VPos.CENTER);
                g.fillText(label.text(), v.toScreenX(label.x()), v.toScreenY(label.y()));
            }
        }
        paintFocalPoint(g, v, d);
        double seatPixels = DesignSeat.DIAMETER * v.scale();
        if (seatPixels >= 6) {
            paintRowLabels(g, v, d, seatPixels, width, height);
        }
        if (seatPixels >= SEAT_LABELS_FROM_PIXELS) {
            paintSeatLabels(g, v, d, seatPixels, width, height);
        }
        paintSelectionOutlines(g, v);
    }

    private static void paintStage(GraphicsContext g, PlanViewport v, StageShape stage) {
        double[] c = stage.corners();
        double[] xs = new double[4];
        double[] ys = new double[4];
        for (int i = 0; i < 4; i++) {
            xs[i] = v.toScreenX(c[2 * i]);
            ys[i] = v.toScreenY(c[2 * i + 1]);
        }
        g.setFill(Color.web("#37474F"));
        g.fillPolygon(xs, ys, 4);
        double[] b = stage.bounds();
        double h = (b[3] - b[1]) * v.scale();
        if (h > 12) {
            g.setFill(Color.WHITE);
            g.setFont(Font.font(null, FontWeight.BOLD, Math.min(28, h * 0.4)));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(Messages.get("plan.stage"), v.toScreenX((b[0] + b[2]) / 2), v.toScreenY((b[1] + b[3]) / 2));
        }
    }

    private static void paintArea(GraphicsContext g, PlanViewport v, SeatDocument d, DesignArea area) {
        double[] o = area.outlineArray();
        int n = o.length / 2;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = v.toScreenX(o[2 * i]);
            ys[i] = v.toScreenY(o[2 * i + 1]);
        }
        Color color = d.category(area.categoryId()).map(c -> Color.web(c.color())).orElse(Color.GRAY);
        g.setFill(color.deriveColor(0, 1, 1, 0.28));
        g.fillPolygon(xs, ys, n);
        g.setStroke(color);
        g.setLineWidth(1.5);
        g.strokePolygon(xs, ys, n);
        double[] b = area.bounds();
        if ((b[2] - b[0]) * v.scale() > 60) {
            g.setFill(color.darker());
            g.setFont(Font.font(12));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(area.name() + "\n" + Messages.get("plan.capacity", area.capacity()),
                    v.toScreenX((b[0] + b[2]) / 2), v.toScreenY((b[1] + b[3]) / 2));
        }
    }

    /** A section's drawn outline: a faint fill under its seats, the border, and its name at the top. */
    private static void paintSectionOutline(GraphicsContext g, PlanViewport v, DesignSection section) {
        List<Point> outline = section.outline();
        int n = outline.size();
        if (n < 3) {
            return;
        }
        double[] xs = new double[n];
        double[] ys = new double[n];
        double top = Double.MAX_VALUE;
        double sumX = 0;
        for (int i = 0; i < n; i++) {
            xs[i] = v.toScreenX(outline.get(i).x());
            ys[i] = v.toScreenY(outline.get(i).y());
            top = Math.min(top, ys[i]);
            sumX += xs[i];
        }
        Color color = Color.web("#5C6BC0");
        g.setFill(color.deriveColor(0, 1, 1, 0.10));
        g.fillPolygon(xs, ys, n);
        g.setStroke(color);
        g.setLineWidth(1.5);
        g.strokePolygon(xs, ys, n);
        g.setFill(color.darker());
        g.setFont(Font.font(null, FontWeight.BOLD, 12));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText(section.name(), sumX / n, top + 4);
    }

    private static void paintGate(GraphicsContext g, PlanViewport v, DesignGate gate) {
        double size = Math.max(8, DesignGate.SIZE * v.scale());
        double x = v.toScreenX(gate.x());
        double y = v.toScreenY(gate.y());
        g.setFill(Color.web("#2E7D32"));
        g.fillRoundRect(x - size / 2, y - size / 2, size, size, 4, 4);
        g.setFill(Color.WHITE);
        g.setFont(Font.font(null, FontWeight.BOLD, Math.max(7, size * 0.5)));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(Messages.get("badge.gate"), x, y);
        g.setFill(Color.web("#1B5E20"));
        g.setFont(Font.font(11));
        g.setTextBaseline(VPos.TOP);
        g.fillText(gate.name(), x, y + size / 2 + 2);
    }

    private static void paintFocalPoint(GraphicsContext g, PlanViewport v, SeatDocument d) {
        double x = v.toScreenX(d.focalPoint().x());
        double y = v.toScreenY(d.focalPoint().y());
        g.setStroke(Color.web("#C62828"));
        g.setLineWidth(1.5);
        g.strokeLine(x - 8, y, x + 8, y);
        g.strokeLine(x, y - 8, x, y + 8);
        g.strokeOval(x - 5, y - 5, 10, 10);
    }

    private static void paintRowLabels(GraphicsContext g, PlanViewport v, SeatDocument d, double seatPixels,
            double width, double height) {
        g.setFill(Color.web("#455A64"));
        g.setFont(Font.font(null, FontWeight.BOLD, Math.min(16, Math.max(9, seatPixels * 0.5))));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (DesignSection section : d.sections()) {
            for (DesignRow row : section.rows()) {
                List<DesignSeat> seats = row.seats();
                if (seats.size() < 2) {
                    continue;
                }
                labelBeyond(g, v, seats.get(0), seats.get(1), row.label(), seatPixels, width, height);
                labelBeyond(g, v, seats.getLast(), seats.get(seats.size() - 2), row.label(), seatPixels, width, height);
            }
        }
    }

    /** Writes the row's name one seat pitch beyond its end seat, continuing the row's line. */
    private static void labelBeyond(GraphicsContext g, PlanViewport v, DesignSeat end, DesignSeat inner, String text,
            double seatPixels, double width, double height) {
        double dx = end.x() - inner.x();
        double dy = end.y() - inner.y();
        double length = Math.max(1e-6, Math.hypot(dx, dy));
        double x = v.toScreenX(end.x() + dx / length * DesignSeat.DIAMETER * 1.2);
        double y = v.toScreenY(end.y() + dy / length * DesignSeat.DIAMETER * 1.2);
        if (x > -20 && y > -20 && x < width + 20 && y < height + 20) {
            g.fillText(text, x, y);
        }
    }

    private void paintSeatLabels(GraphicsContext g, PlanViewport v, SeatDocument d, double seatPixels, double width,
            double height) {
        visible.clear();
        layer.grid().queryRect(v.toPlanX(0), v.toPlanY(0), v.toPlanX(width), v.toPlanY(height), visible);
        if (visible.size() > MAX_LABELLED_SEATS) {
            return;
        }
        List<DesignSeat> seats = d.seats();
        Font font = labelFont(seatPixels, 2);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (int k = 0; k < visible.size(); k++) {
            int i = visible.get(k);
            if (i >= seats.size()) {
                continue;
            }
            DesignSeat seat = seats.get(i);
            double x = v.toScreenX(seat.x());
            double y = v.toScreenY(seat.y());
            g.setFill(Color.WHITE);
            String label = seat.label() == null ? "" : seat.label();
            g.setFont(label.length() >= 3 ? labelFont(seatPixels, label.length()) : font);
            g.fillText(label, x, y);
            if (seat.has(SeatFlag.WHEELCHAIR) || seat.has(SeatFlag.COMPANION) || seat.has(SeatFlag.RESTRICTED_VIEW)) {
                String badge = Messages.get(seat.has(SeatFlag.WHEELCHAIR) ? "badge.wheelchair"
                        : seat.has(SeatFlag.COMPANION) ? "badge.companion" : "badge.restrictedView");
                double r = seatPixels * 0.2;
                g.setFill(Color.web("#0D47A1"));
                g.fillOval(x + seatPixels * 0.25 - r, y - seatPixels * 0.25 - r, 2 * r, 2 * r);
                g.setFill(Color.WHITE);
                g.setFont(Font.font(null, FontWeight.BOLD, r * 1.4));
                g.fillText(badge, x + seatPixels * 0.25, y - seatPixels * 0.25);
            }
        }
    }

    /** A bold font that fits a label of {@code length} characters into a seat, never below {@link #MIN_LABEL_FONT}. */
    static Font labelFont(double seatPixels, int length) {
        double size = length >= 3 ? seatPixels * 0.95 / (0.62 * length + 0.4) : Math.min(18, seatPixels * 0.55);
        return Font.font(null, FontWeight.BOLD, Math.max(MIN_LABEL_FONT, size));
    }

    private void paintSelectionOutlines(GraphicsContext g, PlanViewport v) {
        g.setStroke(SELECTION);
        g.setLineWidth(2);
        g.setLineDashes(5, 3);
        for (PlanElement element : selection.elements()) {
            if (element instanceof DesignSeat) {
                continue;
            }
            double[] b = element.bounds();
            g.strokeRect(v.toScreenX(b[0]) - 3, v.toScreenY(b[1]) - 3, (b[2] - b[0]) * v.scale() + 6,
                    (b[3] - b[1]) * v.scale() + 6);
        }
        g.setLineDashes();
    }
}
