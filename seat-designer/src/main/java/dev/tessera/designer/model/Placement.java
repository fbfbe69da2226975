package dev.tessera.designer.model;

/**
 * Where an element sits in the document's tree: enough to remove it and to put it back exactly
 * where it was when a deletion is undone.
 */
public sealed interface Placement {
    /** The position in the parent's list. */
    int index();

    record OfSeat(DesignRow row, int index, DesignSeat seat) implements Placement {}

    record OfRow(DesignSection section, int index, DesignRow row) implements Placement {}

    record OfSection(int index, DesignSection section) implements Placement {}

    record OfArea(int index, DesignArea area) implements Placement {}

    record OfGate(int index, DesignGate gate) implements Placement {}

    record OfLabel(int index, PlanLabel label) implements Placement {}

    record OfTable(int index, PlanTable table) implements Placement {}
}
