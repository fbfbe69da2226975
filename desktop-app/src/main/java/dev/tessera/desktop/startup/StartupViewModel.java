package dev.tessera.desktop.startup;

import dev.tessera.desktop.counter.VirtualChips;
import dev.tessera.desktop.ui.Message;
import dev.tessera.desktop.ui.TaskExecutor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The startup window's state: what is being done, and whether it failed and why. */
public final class StartupViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(StartupViewModel.class);

    private final StartupSettings settings;
    private final TaskExecutor tasks;
    private final Supplier<VirtualChips> tray;
    private final ReadOnlyObjectWrapper<Message> step = new ReadOnlyObjectWrapper<>(Message.of("startup.starting"));
    private final ReadOnlyObjectWrapper<Message> failure = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();

    /** {@code tray}: the simulated reader's tray, asked for when the embedded demo gives its cards. */
    public StartupViewModel(StartupSettings settings, TaskExecutor tasks, Supplier<VirtualChips> tray) {
        this.settings = settings;
        this.tasks = tasks;
        this.tray = tray;
    }

    public void start(Consumer<CenterConnection> onConnected) {
        busy.set(true);
        failure.set(null);
        progress.set(0);
        tasks.execute(() -> CenterStarter.connect(settings, tray, p -> tasks.runOnUiThread(() -> {
                    step.set(p.step());
                    progress.set(p.fraction());
                })),
                connection -> {
                    busy.set(false);
                    progress.set(1);
                    onConnected.accept(connection);
                },
                e -> {
                    LOG.error("the desktop could not start its platform center ({})", settings, e);
                    busy.set(false);
                    failure.set(StartupFailure.describe(e, settings));
                });
    }

    public ReadOnlyObjectProperty<Message> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Message> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public boolean isEmbedded() {
        return settings.remoteCenter().isEmpty();
    }
}
