package dev.tessera.designer.tool;

import dev.tessera.designer.job.TransformJob;
import dev.tessera.designer.model.DesignSeat;
import dev.tessera.designer.model.DocumentChange;
import dev.tessera.designer.model.PlanElement;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Cursor;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * Click selects, Shift+click adds or removes, a drag on empty plan draws a marquee, a drag on a
 * selected element moves the selection (snapped to the grid unless Alt is held). The move is
 * shown live and pushed as one job on release.
 */
public final class SelectTool implements Tool {
    private enum Gesture { NONE, MARQUEE, MOVE }

    private Gesture gesture = Gesture.NONE;
    private double startX;
    private double startY;
    private double currentX;
    private double currentY;
    private double appliedDx;
    private double appliedDy;
    private List<PlanElement> moving = List.of();
    private Object[] savedGeometry;
    private double anchorX;
    private double anchorY;

    @Override
    public String nameKey() {
        return "tool.select";
    }

    @Override
    public Cursor cursor() {
        return Cursor.DEFAULT;
    }

    @Override
    public void pressed(ToolContext context, PlanPointer p) {
        startX = currentX = p.planX();
        startY = currentY = p.planY();
        PlanElement hit = context.elementAt(p.planX(), p.planY());
        if (hit == null) {
            gesture = Gesture.MARQUEE;
            return;
        }
        if (p.shift()) {
            context.selection().toggle(hit);
            gesture = Gesture.NONE;
            return;
        }
        if (!context.selection().contains(hit)) {
            context.selection().select(List.of(hit));
        }
        gesture = Gesture.MOVE;
        moving = new ArrayList<>(context.selection().elements());
        savedGeometry = new Object[moving.size()];
        for (int i = 0; i < moving.size(); i++) {
            savedGeometry[i] = moving.get(i).saveGeometry();
        }
        anchorX = hit.anchorX();
        anchorY = hit.anchorY();
        appliedDx = 0;
        appliedDy = 0;
    }

    @Override
    public void dragged(ToolContext context, PlanPointer p) {
        currentX = p.planX();
        currentY = p.planY();
        if (gesture == Gesture.MARQUEE) {
            context.repaintOverlay();
        } else if (gesture == Gesture.MOVE) {
            double[] d = delta(context, p);
            translateLive(context, d[0] - appliedDx, d[1] - appliedDy);
            appliedDx = d[0];
            appliedDy = d[1];
        }
    }

    @Override
    public void released(ToolContext context, PlanPointer p) {
        currentX = p.planX();
        currentY = p.planY();
        if (gesture == Gesture.MARQUEE) {
            List<PlanElement> inside = context.elementsIn(startX, startY, currentX, currentY);
            if (p.shift()) {
                context.selection().add(inside);
            } else {
                context.selection().select(inside);
            }
            context.repaintOverlay();
        } else if (gesture == Gesture.MOVE) {
            double[] d = delta(context, p);
            // put everything back, then move once through the job manager so the move is undoable
            for (int i = 0; i < moving.size(); i++) {
                moving.get(i).restoreGeometry(savedGeometry[i]);
            }
            fireMoved(context);
            context.push(TransformJob.move(context.document(), moving, d[0], d[1]));
        }
        gesture = Gesture.NONE;
        moving = List.of();
    }

    @Override
    public void cancel(ToolContext context) {
        if (gesture == Gesture.MOVE) {
            for (int i = 0; i < moving.size(); i++) {
                moving.get(i).restoreGeometry(savedGeometry[i]);
            }
            fireMoved(context);
        }
        gesture = Gesture.NONE;
        moving = List.of();
        context.repaintOverlay();
    }

    /** The drag so far, snapped so that the grabbed element lands on the grid. */
    private double[] delta(ToolContext context, PlanPointer p) {
        double dx = p.planX() - startX;
        double dy = p.planY() - startY;
        if (!p.alt() && context.options().snapToGrid.get()) {
            dx = context.options().snap(anchorX + dx) - anchorX;
            dy = context.options().snap(anchorY + dy) - anchorY;
        }
        return new double[] {dx, dy};
    }

    private void translateLive(ToolContext context, double dx, double dy) {
        if (dx == 0 && dy == 0) {
            return;
        }
        for (PlanElement element : moving) {
            element.translate(dx, dy);
        }
        fireMoved(context);
    }

    private void fireMoved(ToolContext context) {
        List<DesignSeat> seats = new ArrayList<>();
        boolean others = false;
        for (PlanElement element : moving) {
            if (element instanceof DesignSeat seat) {
                seats.add(seat);
            } else {
                others = true;
            }
        }
        if (!seats.isEmpty()) {
            context.document().fire(new DocumentChange(DocumentChange.Kind.SEATS_MOVED, seats));
        }
        if (others) {
            context.document().fire(DocumentChange.layout());
        }
    }

    @Override
    public void paint(ToolContext context, GraphicsContext g) {
        if (gesture != Gesture.MARQUEE) {
            return;
        }
        var v = context.viewport();
        double x0 = v.toScreenX(Math.min(startX, currentX));
        double y0 = v.toScreenY(Math.min(startY, currentY));
        double w = Math.abs(currentX - startX) * v.scale();
        double h = Math.abs(currentY - startY) * v.scale();
        g.setFill(Color.web("#1E88E5", 0.10));
        g.fillRect(x0, y0, w, h);
        g.setStroke(Color.web("#1E88E5"));
        g.setLineWidth(1);
        g.setLineDashes(4, 3);
        g.strokeRect(x0 + 0.5, y0 + 0.5, w, h);
    }
}
