package dev.tessera.desktop.workspace;

import javafx.scene.Node;

/**
 * One tab of the main window for a role: the organizer's, the manager's or the gate's workspace.
 * {@link WorkspaceFactory#open} builds it off the UI thread (it may open files or call the center);
 * {@link #view()} is then called on the UI thread, once.
 */
public interface Workspace extends AutoCloseable {
    /** A short stable id; the tab's node id is {@code id + "Tab"}. */
    String id();

    /** The message key of the tab's title. */
    String titleKey();

    /** The workspace's content, built on the UI thread. */
    Node view();

    /** Called once on the UI thread after the view is shown: start loading, timers, streams. */
    default void start() {
    }

    /** Where the keyboard goes when the tab is selected. */
    default void focusDefault() {
    }

    /** Stops timers, streams and background work; safe to call twice. */
    @Override
    void close();
}
