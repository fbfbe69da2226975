package dev.tessera.designer.tool;

import dev.tessera.core.seatmap.Point;

/**
 * A tool used by dragging from one plan point to another (a row of seats, the stage): the drag is previewed while it
 * lasts and done on release; Escape drops it. Points snap to the grid unless Alt is held.
 */
abstract class DragTool implements Tool {
    /** Where the drag began, or null when no drag is under way. */
    protected Point start;
    /** Where the pointer is now. */
    protected Point end;

    @Override
    public final void pressed(ToolContext context, PlanPointer p) {
        start = snapped(context, p);
        end = start;
    }

    @Override
    public final void dragged(ToolContext context, PlanPointer p) {
        if (start != null) {
            end = snapped(context, p);
            context.repaintOverlay();
        }
    }

    @Override
    public final void released(ToolContext context, PlanPointer p) {
        if (start == null) {
            return;
        }
        end = snapped(context, p);
        try {
            finish(context);
        } finally {
            start = null;
            context.repaintOverlay();
        }
    }

    /** The drag from {@link #start} to {@link #end} is over: make it a job. */
    protected abstract void finish(ToolContext context);

    @Override
    public final void cancel(ToolContext context) {
        start = null;
        context.repaintOverlay();
    }

    /** The plan point under the pointer, on the grid unless Alt is held. */
    static Point snapped(ToolContext context, PlanPointer p) {
        if (p.alt()) {
            return new Point(p.planX(), p.planY());
        }
        return new Point(context.options().snap(p.planX()), context.options().snap(p.planY()));
    }
}
