package dev.tessera.designer.model;

import dev.tessera.core.seatmap.Point;
import java.util.ArrayList;
import java.util.List;

/** A general-admission area being edited: a polygon sold by capacity. */
public final class DesignArea extends PolygonElement {
    private String id;
    private String name;
    private String categoryId;
    private int capacity;

    public DesignArea(String id, String name, String categoryId, int capacity, List<Point> outline) {
        super(flat(outline));
        this.id = id;
        this.name = name;
        this.categoryId = categoryId;
        this.capacity = capacity;
    }

    private static double[] flat(List<Point> outline) {
        double[] xy = new double[outline.size() * 2];
        for (int i = 0; i < outline.size(); i++) {
            xy[2 * i] = outline.get(i).x();
            xy[2 * i + 1] = outline.get(i).y();
        }
        return xy;
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
        double[] xy = points();
        List<Point> corners = new ArrayList<>(xy.length / 2);
        for (int i = 0; i < xy.length; i += 2) {
            corners.add(new Point(xy[i], xy[i + 1]));
        }
        return corners;
    }

    /** The outline as x0, y0, x1, y1, ... (a copy). */
    public double[] outlineArray() {
        return points();
    }
}
