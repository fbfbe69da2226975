package dev.tessera.designer.model;

import dev.tessera.core.seatmap.Point;
import java.util.ArrayList;
import java.util.List;

/** A general-admission area being edited: a polygon sold by capacity. */
public final class DesignArea implements PlanElement {
    private String id;
    private String name;
    private String categoryId;
    private int capacity;
    private double[] outline;

    public DesignArea(String id, String name, String categoryId, int capacity, List<Point> outline) {
        this.id = id;
        this.name = name;
        this.categoryId = categoryId;
        this.capacity = capacity;
        this.outline = new double[outline.size() * 2];
        for (int i = 0; i < outline.size(); i++) {
            this.outline[2 * i] = outline.get(i).x();
            this.outline[2 * i + 1] = outline.get(i).y();
        }
    }

    public String id() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String name() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String categoryId() {
        return categoryId;
    }

    public void setCategoryId(String categoryId) {
        this.categoryId = categoryId;
    }

    public int capacity() {
        return capacity;
    }

    public void setCapacity(int capacity) {
        this.capacity = capacity;
    }

    public List<Point> outline() {
        List<Point> points = new ArrayList<>(outline.length / 2);
        for (int i = 0; i < outline.length; i += 2) {
            points.add(new Point(outline[i], outline[i + 1]));
        }
        return points;
    }

    /** The outline as x0, y0, x1, y1, ... (a copy). */
    public double[] outlineArray() {
        return outline.clone();
    }

    public boolean contains(double x, double y) {
        return PointsGeometry.contains(outline, x, y);
    }

    @Override
    public double anchorX() {
        return outline[0];
    }

    @Override
    public double anchorY() {
        return outline[1];
    }

    @Override
    public void translate(double dx, double dy) {
        PointsGeometry.translate(outline, dx, dy);
    }

    @Override
    public void rotate(double cx, double cy, double radians) {
        PointsGeometry.rotate(outline, cx, cy, radians);
    }

    @Override
    public Object saveGeometry() {
        return outline.clone();
    }

    @Override
    public void restoreGeometry(Object saved) {
        outline = ((double[]) saved).clone();
    }

    @Override
    public double[] bounds() {
        return PointsGeometry.bounds(outline);
    }
}
