package dev.tessera.designer.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A row being edited; its seats are ordered left to right as seen facing the focal point (claim 62). */
public final class DesignRow {
    private String id;
    private String label;
    final List<DesignSeat> seats = new ArrayList<>();
    DesignSection section;

    public DesignRow(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String label() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public List<DesignSeat> seats() {
        return Collections.unmodifiableList(seats);
    }

    public DesignSection section() {
        return section;
    }

    @Override
    public String toString() {
        return "DesignRow[" + id + " " + label + ", " + seats.size() + " seats]";
    }
}
