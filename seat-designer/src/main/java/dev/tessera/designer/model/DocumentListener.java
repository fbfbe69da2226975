package dev.tessera.designer.model;

/** Told after every change of a {@link SeatDocument}. */
@FunctionalInterface
public interface DocumentListener {
    void documentChanged(DocumentChange change);
}
