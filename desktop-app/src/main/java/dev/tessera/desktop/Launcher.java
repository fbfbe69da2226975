package dev.tessera.desktop;

import javafx.application.Application;

/**
 * The main class. Not the {@link TesseraApp} itself: a main class that extends Application fails
 * on the class path with "JavaFX runtime components are missing".
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        // AWT only draws off screen (report fonts, PNG export); on the display it fights GTK over X error handlers
        System.setProperty("java.awt.headless", "true");
        Application.launch(TesseraApp.class, args);
        // The window is closed and the shell has stopped the center; a library thread that is not a
        // daemon (Javalin's async pool outlives its server) must not keep the process alive.
        System.exit(0);
    }
}
