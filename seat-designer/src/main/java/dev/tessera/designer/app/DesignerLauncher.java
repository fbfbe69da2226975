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
        // a name of its own: inside the desktop app, the app's logback.xml must stay the only one
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "tessera-designer-logback.xml");
        }
        // AWT only draws off screen (PNG and PDF export); on the display it fights GTK over X error handlers
        System.setProperty("java.awt.headless", "true");
        Application.launch(DesignerApp.class, args);
    }
}
