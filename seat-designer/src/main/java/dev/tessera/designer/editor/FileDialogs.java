package dev.tessera.designer.editor;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/** Asks the user for files; tests and hosts may replace JavaFX's choosers. */
public interface FileDialogs {
    enum Kind { SEAT_MAP, CSV, PNG, SVG, PDF, IMAGE }

    Optional<Path> open(Window owner, Kind kind);

    Optional<Path> save(Window owner, Kind kind, String suggestedName);

    /** Tells the user that something failed; the message is already a sentence. */
    void showError(Window owner, String message);
}
