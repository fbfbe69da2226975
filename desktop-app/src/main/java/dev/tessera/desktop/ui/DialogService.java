package dev.tessera.desktop.ui;

/** Every dialog goes through here, so views and tests have one place to look. */
public interface DialogService {

    /** Shows why startup failed; true when the person wants to try again, false to quit. */
    boolean askRetryAfterStartupFailure(Message reason);

    void showError(Message title, Message detail);

    /**
     * Asks before a money or irreversible action: the question, its consequence in words, and the action's own
     * label on the button that does it (the default: Enter); Esc or the Cancel button answers false.
     */
    boolean confirm(Message question, Message consequence, Message action);

    /**
     * Shows printed pages as they will come out of the printer, one under the other, with the action (Print) as the
     * default button when {@code action} is not null; true when the person chose it, false for Close or Esc.
     */
    boolean preview(Message title, java.util.List<java.awt.image.BufferedImage> pages, Message action);

    /**
     * Asks the person to pick one of {@code choices} (a printer), {@code preferred} chosen at first; empty for Cancel
     * or Esc.
     */
    java.util.Optional<String> choose(Message question, java.util.List<String> choices, String preferred);

    /** Shows a dialog window of its own (Settings) and waits; its answer, empty for Cancel or Esc. */
    <T> java.util.Optional<T> show(javafx.scene.control.Dialog<T> dialog);
}
