package dev.tessera.desktop.ui;

import atlantafx.base.theme.PrimerLight;
import java.util.Objects;
import javafx.application.Application;

/** The look: AtlantaFX Primer Light as the base, Tessera's own stylesheet on top. */
public final class Stylesheets {
    public static final String APP = Objects.requireNonNull(Stylesheets.class.getResource("/dev/tessera/desktop/tessera.css"),
            "tessera.css is missing from the class path").toExternalForm();

    private Stylesheets() {}

    public static void installTheme() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }
}
