package dev.tessera.desktop.ui;

import dev.tessera.client.ConnectionListener;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Whether the platform center answers, and when it last did: what the status bar shows. Fed by the
 * center client from any thread; the properties change on the UI thread.
 */
public final class ConnectionStatus implements ConnectionListener {
    private final URI centerUri;
    private final boolean embedded;
    private final TaskExecutor tasks;
    private final Clock clock;
    private final ReadOnlyBooleanWrapper online = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyObjectWrapper<Instant> lastContact = new ReadOnlyObjectWrapper<>();

    public ConnectionStatus(URI centerUri, boolean embedded, TaskExecutor tasks, Clock clock) {
        this.centerUri = centerUri;
        this.embedded = embedded;
        this.tasks = tasks;
        this.clock = clock;
    }

    @Override
    public void reachable() {
        Instant now = clock.instant();
        tasks.runOnUiThread(() -> {
            online.set(true);
            lastContact.set(now);
        });
    }

    @Override
    public void unreachable() {
        tasks.runOnUiThread(() -> online.set(false));
    }

    public URI centerUri() {
        return centerUri;
    }

    public boolean embedded() {
        return embedded;
    }

    public ReadOnlyBooleanProperty onlineProperty() {
        return online.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> lastContactProperty() {
        return lastContact.getReadOnlyProperty();
    }
}
