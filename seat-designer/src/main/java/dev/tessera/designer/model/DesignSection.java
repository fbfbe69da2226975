package dev.tessera.designer.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A section being edited: a named block of rows (stalls, balcony, a stand). */
public final class DesignSection {
    private String id;
    private String name;
    final List<DesignRow> rows = new ArrayList<>();

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
