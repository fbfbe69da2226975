package dev.tessera.desktop.shell;

import dev.tessera.desktop.ui.ConnectionStatus;
import dev.tessera.desktop.ui.Formats;
import dev.tessera.desktop.ui.Localization;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import dev.tessera.desktop.ledger.SyncLoop;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** The status bar: which center, whether it answers, and when it last did. */
public final class StatusBarViewModel {
    private final ConnectionStatus status;
    private final StringBinding connection;
    private final StringBinding center;
    private final StringBinding lastUpdate;
    private final ReadOnlyObjectWrapper<SyncLoop.State> sync = new ReadOnlyObjectWrapper<>();
    private final StringBinding syncText;

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
        this.syncText = Bindings.createStringBinding(() -> {
            SyncLoop.State state = sync.get();
            if (state == null) {
                return "";
            }
            String pending = state.pending() == 0 ? l10n.text("status.journal.synced")
                    : l10n.text("status.journal.pending", state.pending());
            return state.lastSync() == null ? pending
                    : pending + " \u00b7 " + l10n.text("status.journal.lastSync", Formats.time(state.lastSync(), l10n.getLocale()));
        }, sync, l10n.localeProperty());
    }

    /** The journal's sync state, reported by the counter's sync loop on the UI thread. */
    public void syncState(SyncLoop.State state) {
        sync.set(state);
    }

    public ReadOnlyObjectProperty<SyncLoop.State> syncProperty() {
        return sync.getReadOnlyProperty();
    }

    public StringBinding syncText() {
        return syncText;
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
