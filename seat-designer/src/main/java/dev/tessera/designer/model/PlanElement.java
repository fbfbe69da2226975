package dev.tessera.designer.model;

/**
 * Anything that sits on the plan and can be moved, rotated and selected. Geometry is saved and
 * restored as an opaque snapshot so that one undoable job serves moves, rotations, alignment and
 * nudges of any kind of element.
 */
public sealed interface PlanElement
        permits PointElement, PolygonElement {

    /** A point that represents the element: a seat's centre, an area's first corner, etc. */
    double anchorX();

    double anchorY();

    void translate(double dx, double dy);

    /** Rotates the element about (cx, cy) by the angle, in radians, clockwise on screen (y grows down). */
    void rotate(double cx, double cy, double radians);

    Object saveGeometry();

    void restoreGeometry(Object saved);

    /** The element's bounds on the plan, in centimetres: minX, minY, maxX, maxY. */
    double[] bounds();

    static double[] rotatePoint(double x, double y, double cx, double cy, double radians) {
        double cos = Math.cos(radians);
        double sin = Math.sin(radians);
        double dx = x - cx;
        double dy = y - cy;
        return new double[] {cx + dx * cos - dy * sin, cy + dx * sin + dy * cos};
    }
}
