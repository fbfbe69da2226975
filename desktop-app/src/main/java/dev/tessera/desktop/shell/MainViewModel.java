package dev.tessera.desktop.shell;

import dev.tessera.contract.account.Account;
import dev.tessera.client.CenterException;
import dev.tessera.core.model.Role;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.desktop.countertab.CounterWorkspace;
import dev.tessera.desktop.events.EventsViewModel;
import dev.tessera.desktop.ui.Localization;
import dev.tessera.desktop.ui.Message;
import dev.tessera.desktop.ui.TaskExecutor;
import dev.tessera.desktop.workspace.Workspace;
import java.time.Duration;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The main window after sign-in: who is signed in, the workspaces, sign-out. */
public final class MainViewModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MainViewModel.class);

    /** How long a sign-out waits for the session's work under way (a center request times out before). */
    static final Duration SESSION_WORK_TIMEOUT = Duration.ofSeconds(60);

    private final CenterSession session;
    private final TaskExecutor appTasks;
    private final SessionTasks tasks;
    private final EventsViewModel events;
    private final StatusBarViewModel statusBar;
    private final StringBinding role;
    private final ReadOnlyBooleanWrapper signingOut = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<CounterWorkspace> counter = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Message> counterFailure = new ReadOnlyObjectWrapper<>();
    private final javafx.collections.ObservableList<Workspace> workspaces = javafx.collections.FXCollections.observableArrayList();
    // one view, kept: listeners on a throwaway unmodifiable wrapper are lost when it is collected
    private final javafx.collections.ObservableList<Workspace> workspacesView =
            javafx.collections.FXCollections.unmodifiableObservableList(workspaces);
    private boolean closed;

    public MainViewModel(CenterSession session, TaskExecutor tasks, Localization l10n, StatusBarViewModel statusBar) {
        this.session = session;
        this.appTasks = tasks;
        this.tasks = new SessionTasks(tasks);
        this.statusBar = statusBar;
        this.events = EventsViewModel.create(session, this.tasks, l10n);
        this.role = l10n.binding("role." + session.account().role());
    }

    public void start() {
        events.load();
    }

    public void refresh() {
        events.refresh();
    }

    /** Ends the session at the center, then calls {@code afterwards} on the UI thread even if the center is gone. */
    public void signOut(Runnable afterwards) {
        if (signingOut.get()) {
            return;
        }
        signingOut.set(true);
        close();
        appTasks.execute(() -> {
            awaitSessionWork();
            session.signOut();
            return null;
        }, done -> afterwards.run(), failure -> {
            LOG.info("sign-out at the center failed ({}); the session lapses by itself", failure.getMessage());
            afterwards.run();
        });
    }

    /** On quit: ends the session at the center if it still answers; blocking, so not on the UI thread. */
    public void endSessionQuietly() {
        try {
            awaitSessionWork();
            session.signOut();
        } catch (CenterException e) {
            LOG.info("sign-out on quit failed ({}); the session lapses by itself", e.getMessage());
        }
    }

    /** After {@link #close()}: blocks until the session's background work has ended (the journal sync may be writing). */
    private void awaitSessionWork() {
        try {
            if (!tasks.awaitIdle(SESSION_WORK_TIMEOUT)) {
                LOG.warn("the session's background work still runs {} s after sign-out", SESSION_WORK_TIMEOUT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The session's background tasks, for its workspaces: stopped at sign-out, which waits for them. */
    public TaskExecutor tasks() {
        return tasks;
    }

    public Account account() {
        return session.account();
    }

    public String displayName() {
        return session.account().displayName();
    }

    public StringBinding roleText() {
        return role;
    }

    public ReadOnlyBooleanProperty signingOutProperty() {
        return signingOut.getReadOnlyProperty();
    }

    /** A seller's counter, once its ledger is open; started here, closed with this view model. */
    public void attachCounter(CounterWorkspace workspace) {
        if (closed) {
            workspace.close();
            return;
        }
        counter.set(workspace);
        workspace.start();
    }

    /** Why a seller's counter could not open (its ledger): shown in the counter's tab instead of the counter. */
    public void counterFailed(Message why) {
        counterFailure.set(why);
    }

    public ReadOnlyObjectProperty<Message> counterFailureProperty() {
        return counterFailure.getReadOnlyProperty();
    }

    /** A role's workspace (organizer, manager, gate), once opened; closed with this view model. */
    public void attach(Workspace workspace) {
        if (closed) {
            workspace.close();
            return;
        }
        workspaces.add(workspace);
    }

    /** The role's workspaces in the order they opened; the view adds a tab for each. */
    public javafx.collections.ObservableList<Workspace> workspaces() {
        return workspacesView;
    }

    public <W extends Workspace> java.util.Optional<W> workspace(Class<W> type) {
        return workspaces.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    public ReadOnlyObjectProperty<CounterWorkspace> counterProperty() {
        return counter.getReadOnlyProperty();
    }

    public boolean isSeller() {
        return session.account().role() == Role.SELLER;
    }

    public CenterSession session() {
        return session;
    }

    public EventsViewModel events() {
        return events;
    }

    public StatusBarViewModel statusBar() {
        return statusBar;
    }

    /** Closes the workspaces and stops the session's background work; does not wait for it (UI thread). */
    @Override
    public void close() {
        closed = true;
        events.close();
        if (counter.get() != null) {
            counter.get().close();
        }
        for (Workspace workspace : workspaces) {
            try {
                workspace.close();
            } catch (RuntimeException e) {
                LOG.warn("the {} workspace did not close cleanly", workspace.id(), e);
            }
        }
        tasks.close();
    }
}
