package dev.tessera.designer.app;

import javafx.application.Application;

/**
 * Starts the standalone designer from the class path: {@code ./tessera designer [file|theatre|arena|stadium]}.
 * A plain main class, because a main class that extends Application fails on the class path with
 * "JavaFX runtime components are missing".
 */
public final class DesignerLauncher {
    private DesignerLauncher() {}

    public static void main(String[] args) {
        Application.launch(DesignerApp.class, args);
    }
}
