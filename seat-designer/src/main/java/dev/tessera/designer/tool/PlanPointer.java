package dev.tessera.designer.tool;

/**
 * A pointer event as tools see it: screen pixels on the plan and plan centimetres.
 *
 * @param shift extends a selection
 * @param shortcut Ctrl (Cmd on macOS)
 * @param alt disables snapping for this gesture
 */
public record PlanPointer(double screenX, double screenY, double planX, double planY, boolean shift, boolean shortcut,
        boolean alt, int clickCount) {}
