package dev.tessera.designer.tool;

import dev.tessera.designer.model.DesignSection;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The settings the tools read: what the options bar edits. Distances in centimetres. */
public final class ToolOptions {
    public final ObjectProperty<RowShape> rowShape = new SimpleObjectProperty<>(this, "rowShape", RowShape.STRAIGHT);
    public final IntegerProperty rows = new SimpleIntegerProperty(this, "rows", 1);
    public final DoubleProperty seatPitch = new SimpleDoubleProperty(this, "seatPitch", 52);
    public final DoubleProperty rowPitch = new SimpleDoubleProperty(this, "rowPitch", 90);
    /** The category new seats get; null for the document's first. */
    public final StringProperty categoryId = new SimpleStringProperty(this, "categoryId");
    public final IntegerProperty tableSeats = new SimpleIntegerProperty(this, "tableSeats", 8);
    public final DoubleProperty tableRadius = new SimpleDoubleProperty(this, "tableRadius", 75);
    public final IntegerProperty areaCapacity = new SimpleIntegerProperty(this, "areaCapacity", 500);
    public final StringProperty labelText = new SimpleStringProperty(this, "labelText", "");
    public final DoubleProperty labelSize = new SimpleDoubleProperty(this, "labelSize", 120);
    /** The section new rows go into; null for the document's first. */
    public final ObjectProperty<DesignSection> section = new SimpleObjectProperty<>(this, "section");
    public final BooleanProperty gridVisible = new SimpleBooleanProperty(this, "gridVisible", true);
    public final BooleanProperty snapToGrid = new SimpleBooleanProperty(this, "snapToGrid", true);
    public final DoubleProperty gridSize = new SimpleDoubleProperty(this, "gridSize", 50);

    /** Rounds a plan coordinate to the grid when snapping is on. */
    public double snap(double value) {
        if (!snapToGrid.get() || gridSize.get() <= 0) {
            return value;
        }
        double g = gridSize.get();
        return Math.round(value / g) * g;
    }
}
