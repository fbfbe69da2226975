package dev.tessera.desktop.signin;

import dev.tessera.desktop.center.CenterClient;
import dev.tessera.client.CenterProblemException;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.desktop.startup.CenterConnection.DemoAccount;
import dev.tessera.desktop.ui.ErrorMessages;
import dev.tessera.desktop.ui.Message;
import dev.tessera.desktop.ui.TaskExecutor;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Sign-in: login id and password in, a signed-in session or an error sentence out. */
public final class SignInViewModel {
    private final CenterClient client;
    private final TaskExecutor tasks;
    private final Consumer<CenterSession> onSignedIn;
    private final StringProperty loginId = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Message> error = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ObservableList<DemoAccount> demoAccounts;

    public SignInViewModel(CenterClient client, TaskExecutor tasks, List<DemoAccount> demoAccounts,
                           Consumer<CenterSession> onSignedIn) {
        this.client = client;
        this.tasks = tasks;
        this.onSignedIn = onSignedIn;
        this.demoAccounts = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(demoAccounts));
    }

    public void signIn() {
        if (busy.get()) {
            return;
        }
        String id = loginId.get() == null ? "" : loginId.get().strip();
        String secret = password.get() == null ? "" : password.get();
        if (id.isEmpty()) {
            error.set(Message.of("signin.error.loginIdMissing"));
            return;
        }
        if (secret.isEmpty()) {
            error.set(Message.of("signin.error.passwordMissing"));
            return;
        }
        error.set(null);
        busy.set(true);
        tasks.execute(() -> client.signIn(id, secret), session -> {
            busy.set(false);
            password.set("");
            onSignedIn.accept(session);
        }, failure -> {
            busy.set(false);
            password.set("");
            error.set(describe(failure));
        });
    }

    /** Fills the form with a demo account and signs in with it. */
    public void signInAs(DemoAccount account) {
        loginId.set(account.loginId());
        password.set(account.password());
        signIn();
    }

    static Message describe(Exception failure) {
        if (failure instanceof CenterProblemException problem) {
            if (problem.status() == 401) {
                return Message.of("signin.error.wrongCredentials");
            }
            if (problem.status() == 429) {
                return Message.of("signin.error.locked");
            }
        }
        return ErrorMessages.of(failure);
    }

    public StringProperty loginIdProperty() {
        return loginId;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyObjectProperty<Message> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ObservableList<DemoAccount> demoAccounts() {
        return demoAccounts;
    }
}
