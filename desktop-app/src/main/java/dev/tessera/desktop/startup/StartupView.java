package dev.tessera.desktop.startup;

import dev.tessera.desktop.ui.Localization;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;

/** The small window shown while the platform center starts: name, a progress bar and the current step. */
public final class StartupView extends VBox {

    public StartupView(StartupViewModel viewModel, Localization l10n) {
        getStyleClass().add("startup");
        setAlignment(Pos.CENTER_LEFT);
        Label brand = new Label();
        brand.textProperty().bind(l10n.binding("app.name"));
        brand.getStyleClass().add("startup-brand");
        Label subtitle = new Label();
        subtitle.textProperty().bind(l10n.binding(viewModel.isEmbedded() ? "startup.subtitle.embedded"
                : "startup.subtitle.remote"));
        subtitle.getStyleClass().add("startup-subtitle");
        subtitle.setWrapText(true);
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(viewModel.progressProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        Label step = new Label();
        step.textProperty().bind(l10n.binding(viewModel.stepProperty()));
        step.getStyleClass().add("startup-step");
        getChildren().addAll(brand, subtitle, progress, step);
    }
}
