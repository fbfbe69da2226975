package dev.tessera.designer.tool;

import dev.tessera.core.seatmap.Point;
import dev.tessera.designer.i18n.Messages;
import dev.tessera.designer.model.DesignSeat;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * Draws a row, or a block of rows x seats, by dragging along the first row: straight, curved
 * around the focal point, or staggered, as the options say. The new seats are numbered left to
 * right and selected, ready to be renumbered or recategorized.
 */
public final class RowTool extends DragTool {
    @Override
    public String nameKey() {
        return "tool.row";
    }

    @Override
    protected void finish(ToolContext context) {
        List<List<Point>> rows = preview(context);
        if (rows.isEmpty()) {
            return;
        }
        NewElements.AddedSeats added = NewElements.rows(context.document(), context.targetSection(), rows,
                context.targetCategory(), Messages.get("job.addRows", rows.size()));
        context.push(added.job());
        context.selection().select(added.seats());
    }

    List<List<Point>> preview(ToolContext context) {
        if (start == null || end == null) {
            return List.of();
        }
        ToolOptions o = context.options();
        return RowGeometry.block(o.rowShape.get(), start, end, context.document().focalPoint(),
                Math.max(1, o.rows.get()), o.seatPitch.get(), o.rowPitch.get());
    }

    @Override
    public void paint(ToolContext context, GraphicsContext g) {
        if (start == null) {
            return;
        }
        var v = context.viewport();
        double d = Math.max(3, DesignSeat.DIAMETER * v.scale());
        g.setStroke(Color.web("#1E88E5"));
        g.setFill(Color.web("#1E88E5", 0.35));
        g.setLineWidth(1);
        int total = 0;
        for (List<Point> row : preview(context)) {
            for (Point seat : row) {
                g.fillOval(v.toScreenX(seat.x()) - d / 2, v.toScreenY(seat.y()) - d / 2, d, d);
                total++;
            }
        }
        g.strokeLine(v.toScreenX(start.x()), v.toScreenY(start.y()), v.toScreenX(end.x()), v.toScreenY(end.y()));
        g.setFill(Color.web("#0D47A1"));
        g.fillText(Messages.get("tool.row.preview", total), v.toScreenX(end.x()) + 10, v.toScreenY(end.y()) - 10);
    }
}
