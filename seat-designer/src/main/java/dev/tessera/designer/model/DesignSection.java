package dev.tessera.designer.model;

import dev.tessera.core.seatmap.Point;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A section being edited: a named block of rows (stalls, balcony, a stand), and the outline drawn around it with the
 * Section tool (empty when none was drawn; kept in the designer's layout file, not in the seat map).
 */
public final class DesignSection {
    private String id;
    private String name;
    final List<DesignRow> rows = new ArrayList<>();
    private List<Point> outline = List.of();

    public DesignSection(String id, String name) {
        this.id = id;
        this.name = name;
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

    public List<Point> outline() {
        return outline;
    }

    public void setOutline(List<Point> outline) {
        this.outline = List.copyOf(outline);
    }

    public List<DesignRow> rows() {
        return Collections.unmodifiableList(rows);
    }

    public int seatCount() {
        int n = 0;
        for (DesignRow row : rows) {
            n += row.seats.size();
        }
        return n;
    }

    @Override
    public String toString() {
        return "DesignSection[" + id + " " + name + "]";
    }
}
