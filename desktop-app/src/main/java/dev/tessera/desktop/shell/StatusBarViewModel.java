package dev.tessera.desktop.shell;

import dev.tessera.desktop.ui.ConnectionStatus;
import dev.tessera.desktop.ui.Formats;
import dev.tessera.desktop.ui.Localization;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;

/** The status bar: which center, whether it answers, and when it last did. */
public final class StatusBarViewModel {
    private final ConnectionStatus status;
    private final StringBinding connection;
    private final StringBinding center;
    private final StringBinding lastUpdate;

    public StatusBarViewModel(ConnectionStatus status, Localization l10n) {
        this.status = status;
        this.connection = Bindings.createStringBinding(() -> l10n.text(status.onlineProperty().get()
                ? "status.online" : "status.offline"), status.onlineProperty(), l10n.localeProperty());
        this.center = Bindings.createStringBinding(() -> l10n.text(status.embedded()
                ? "status.center.embedded" : "status.center.remote", status.centerUri()), l10n.localeProperty());
        this.lastUpdate = Bindings.createStringBinding(() -> status.lastContactProperty().get() == null
                        ? l10n.text("status.lastUpdate.never")
                        : l10n.text("status.lastUpdate", Formats.time(status.lastContactProperty().get(), l10n.getLocale())),
                status.lastContactProperty(), l10n.localeProperty());
    }

    public ReadOnlyBooleanProperty onlineProperty() {
        return status.onlineProperty();
    }

    public StringBinding connectionText() {
        return connection;
    }

    public StringBinding centerText() {
        return center;
    }

    public StringBinding lastUpdateText() {
        return lastUpdate;
    }
}
