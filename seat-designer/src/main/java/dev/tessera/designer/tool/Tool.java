package dev.tessera.designer.tool;

import javafx.scene.Cursor;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyEvent;

/** One way of working on the plan: selecting, drawing rows, placing gates. Tools push jobs. */
public interface Tool {
    /** The key of the tool's name in the message bundles. */
    String nameKey();

    /** The key of what to do next with the tool, shown over the plan while it is chosen. */
    default String hintKey() {
        return nameKey() + ".hint";
    }

    default Cursor cursor() {
        return Cursor.CROSSHAIR;
    }

    void pressed(ToolContext context, PlanPointer pointer);

    void dragged(ToolContext context, PlanPointer pointer);

    void released(ToolContext context, PlanPointer pointer);

    default void moved(ToolContext context, PlanPointer pointer) {}

    /** Returns true if the tool used the key. */
    default boolean keyPressed(ToolContext context, KeyEvent event) {
        return false;
    }

    /** Draws the tool's preview (a marquee, a row to be). */
    default void paint(ToolContext context, GraphicsContext g) {}

    /** Drops any gesture in progress. */
    default void cancel(ToolContext context) {}
}
