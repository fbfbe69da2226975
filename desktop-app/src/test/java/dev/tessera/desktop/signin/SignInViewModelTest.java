package dev.tessera.desktop.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.desktop.center.CenterClient;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.desktop.startup.CenterConnection.DemoAccount;
import dev.tessera.desktop.support.TestCenter;
import dev.tessera.desktop.ui.CurrentThreadTaskExecutor;
import dev.tessera.desktop.ui.Localization;
import dev.tessera.desktop.ui.Message;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/** The sign-in view model without a stage, against a real embedded center. */
class SignInViewModelTest {
    @TempDir
    static Path dataDir;
    static TestCenter center;

    private final AtomicReference<CenterSession> signedIn = new AtomicReference<>();
    private final List<Boolean> busyHistory = new ArrayList<>();
    private CenterClient client;
    private SignInViewModel viewModel;

    @BeforeAll
    static void startCenter() {
        center = TestCenter.start(dataDir);
    }

    @AfterAll
    static void stopCenter() {
        center.close();
    }

    @BeforeEach
    void newViewModel() {
        client = new CenterClient(center.baseUri());
        viewModel = new SignInViewModel(client, new CurrentThreadTaskExecutor(), center.connection().demoAccounts(),
                signedIn::set);
        viewModel.busyProperty().addListener((obs, old, now) -> busyHistory.add(now));
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    private String error() {
        Message m = viewModel.errorProperty().get();
        return m == null ? null : new Localization(Locale.ENGLISH).text(m);
    }

    @Test
    void anEmptyLoginIdIsRefusedBeforeAskingTheCenter() {
        viewModel.loginIdProperty().set("   ");
        viewModel.passwordProperty().set("clerk-demo");
        viewModel.signIn();
        assertThat(error()).isEqualTo("Enter your login ID.");
        assertThat(busyHistory).isEmpty();
        assertThat(signedIn).hasNullValue();
    }

    @Test
    void anEmptyPasswordIsRefusedBeforeAskingTheCenter() {
        viewModel.loginIdProperty().set("clerk");
        viewModel.signIn();
        assertThat(error()).isEqualTo("Enter your password.");
        assertThat(busyHistory).isEmpty();
    }

    @Test
    void theRightPasswordSignsInWhileBusyAndClearsThePassword() {
        viewModel.loginIdProperty().set(" clerk ");
        viewModel.passwordProperty().set("clerk-demo");
        viewModel.signIn();
        assertThat(busyHistory).containsExactly(true, false);
        assertThat(viewModel.busyProperty().get()).isFalse();
        assertThat(error()).isNull();
        assertThat(signedIn.get().account().displayName()).isEqualTo("Box Office 1");
        assertThat(viewModel.passwordProperty().get()).isEmpty();
    }

    @Test
    void aWrongPasswordShowsASentenceAndNoSession() {
        viewModel.loginIdProperty().set("organizer");
        viewModel.passwordProperty().set("wrong");
        viewModel.signIn();
        assertThat(busyHistory).containsExactly(true, false);
        assertThat(error()).isEqualTo("The login ID or the password is wrong.");
        assertThat(signedIn).hasNullValue();
        viewModel.passwordProperty().set("organizer-demo");
        viewModel.signIn();
        assertThat(error()).isNull();
        assertThat(signedIn.get().account().role()).isEqualTo(dev.tessera.core.model.Role.ORGANIZER);
    }

    @Test
    void tooManyWrongPasswordsLockTheAccount() {
        viewModel.loginIdProperty().set("gate");
        for (int i = 0; i < 5; i++) {
            viewModel.passwordProperty().set("wrong-" + i);
            viewModel.signIn();
            assertThat(error()).isEqualTo("The login ID or the password is wrong.");
        }
        viewModel.passwordProperty().set("gate-demo");
        viewModel.signIn();
        assertThat(error()).startsWith("This login ID is locked");
        assertThat(signedIn).hasNullValue();
    }

    @Test
    void theDemoAccountsAreOfferedAndSignInWithOneAction() {
        assertThat(viewModel.demoAccounts()).extracting(DemoAccount::loginId)
                .containsExactly("organizer", "clerk", "manager", "gate", "member", "member2");
        viewModel.signInAs(viewModel.demoAccounts().get(2));
        assertThat(viewModel.loginIdProperty().get()).isEqualTo("manager");
        assertThat(signedIn.get().account().displayName()).isEqualTo("Mika Manager");
    }

    @Test
    void anUnreachableCenterIsNamedInTheError() {
        try (CenterClient nowhere = new CenterClient(URI.create("http://127.0.0.1:9"))) {
            SignInViewModel offline = new SignInViewModel(nowhere, new CurrentThreadTaskExecutor(), List.of(),
                    signedIn::set);
            offline.loginIdProperty().set("clerk");
            offline.passwordProperty().set("clerk-demo");
            offline.signIn();
            assertThat(new Localization(Locale.ENGLISH).text(offline.errorProperty().get()))
                    .isEqualTo("Cannot reach the platform center at http://127.0.0.1:9.");
            assertThat(offline.busyProperty().get()).isFalse();
        }
    }
}
