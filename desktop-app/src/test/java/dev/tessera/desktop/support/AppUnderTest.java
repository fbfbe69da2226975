package dev.tessera.desktop.support;

import static dev.tessera.desktop.support.Fx.fx;
import static dev.tessera.desktop.support.Fx.waitFor;

import dev.tessera.center.PlatformCenter;
import dev.tessera.core.seatmap.Category;
import dev.tessera.desktop.TesseraApp;
import dev.tessera.contract.sales.SaleResult;
import dev.tessera.desktop.counter.SaleViewModel;
import dev.tessera.desktop.counter.SalePhase;
import dev.tessera.desktop.countertab.CounterWorkspace;
import dev.tessera.desktop.startup.StartupSettings;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The real {@link TesseraApp}, headless under TestFX, for a UI flow test: started on the toolkit's one primary
 * stage, driven by a robot, and cleaned up after each test. Used as
 * <pre>{@code @RegisterExtension final AppUnderTest ui = new AppUnderTest();}</pre>
 * The primary stage is registered once, on first use, for the whole test JVM. A test that fails leaves a screenshot of
 * what the app showed at that moment, {@code <TestClass>-<test>-failure.png} in target/screenshots.
 */
public final class AppUnderTest implements AfterEachCallback, TestExecutionExceptionHandler {
    private static Stage stage;

    private final FxRobot robot = new FxRobot();
    private TesseraApp app;

    /** The toolkit's primary stage, which the app shows its windows on; registered on the first call. */
    public static synchronized Stage stage() throws TimeoutException {
        if (stage == null) {
            stage = FxToolkit.registerPrimaryStage();
        }
        return stage;
    }

    /** Starts the app on an embedded center in {@code data}, in English, and waits for the sign-in screen. */
    public TesseraApp start(Path data) throws Exception {
        return start(data, Locale.ENGLISH);
    }

    /** Starts the app on an embedded center in {@code data}, and waits for the sign-in screen. */
    public TesseraApp start(Path data, Locale locale) throws Exception {
        return start(StartupSettings.embedded(data), locale);
    }

    /**
     * Starts the app and waits (90 s) for the sign-in screen.
     *
     * @param locale the language on the command line, or null for the one saved in the settings
     */
    public TesseraApp start(StartupSettings settings, Locale locale) throws Exception {
        launch(settings, locale);
        awaitSignIn();
        return app;
    }

    /** Starts the app without waiting for anything: for a test that looks at the start-up itself. */
    public TesseraApp launch(StartupSettings settings, Locale locale) throws Exception {
        stage();
        app = (TesseraApp) FxToolkit.setupApplication(() -> new TesseraApp(settings, locale));
        return app;
    }

    /** Waits (90 s) until the running app shows the sign-in screen with its login id field. */
    public void awaitSignIn() throws Exception {
        waitFor(90, "the sign-in screen", () -> app.shell() != null && app.shell().signIn().isPresent()
                && robot.lookup("#loginId").tryQuery().isPresent());
    }

    /** Signs in from the keyboard, as a person does: the login id, Tab, the password, Enter. */
    public void signIn(String loginId, String password) {
        robot.clickOn("#loginId").write(loginId).type(KeyCode.TAB).write(password).type(KeyCode.ENTER);
    }

    /**
     * After a clerk's sign-in: waits for the counter, opens its tab from the keyboard (Ctrl+2) and waits for the
     * demo event there.
     */
    public CounterWorkspace openCounter() throws Exception {
        waitFor(30, "the counter", () -> app.shell().mainView().flatMap(v -> v.counter()).isPresent());
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        waitFor(5, "the counter tab", () -> robot.lookup("#counterSide").tryQuery().map(n -> n.isVisible()).orElse(false));
        CounterWorkspace counter = app.shell().main().orElseThrow().counterProperty().get();
        waitFor(30, "the demo event at the counter", () -> counter.sale().eventProperty().get() != null);
        return counter;
    }

    /** Holds the best {@code count} seats of {@code category} at the counter, from the keyboard (Ctrl+B). */
    public void holdBest(SaleViewModel sale, Category category, int count) throws Exception {
        fx(() -> {
            sale.bestCategoryProperty().set(category);
            sale.bestCountProperty().set(count);
            return null;
        });
        robot.press(KeyCode.CONTROL).type(KeyCode.B).release(KeyCode.CONTROL);
        waitFor(15, "the hold", () -> sale.phaseProperty().get() == SalePhase.HELD);
    }

    /** Sells what is held to a walk-in customer paying {@code tendered} in cash (Ctrl+Enter); the sale made. */
    public SaleResult sellToWalkIn(SaleViewModel sale, String tendered) throws Exception {
        robot.clickOn("#customerWalkIn");
        robot.clickOn("#tendered").write(tendered);
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        waitFor(30, "the sale", () -> sale.phaseProperty().get() == SalePhase.DONE);
        return sale.lastSale().orElseThrow();
    }

    /** Stops the running app, for a test that starts it again; {@link #afterEach} stops whatever still runs. */
    public void stop() throws Exception {
        if (stage != null) {
            // a dialog a failed test left open holds its own event loop (showAndWait) and would keep the next
            // test's app from the keyboard: close every window but the shared stage first
            FxToolkit.setupFixture(() -> new java.util.ArrayList<>(javafx.stage.Window.getWindows()).stream()
                    .filter(w -> w != stage && w instanceof Stage).forEach(w -> ((Stage) w).close()));
        }
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            app = null;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        stop();
    }

    /** What the app showed when the test failed, then the failure itself. */
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        if (app != null) {
            try {
                Screenshots.take(scene(), context.getRequiredTestClass().getSimpleName() + "-"
                        + context.getRequiredTestMethod().getName() + "-failure");
            } catch (Exception | AssertionError e) {
                failure.addSuppressed(e);
            }
        }
        throw failure;
    }

    /** The embedded platform center of the app started last (tests that set up data behind the screens). */
    public PlatformCenter embeddedCenter() {
        return app.shell().connection().orElseThrow().embeddedCenter().orElseThrow();
    }

    /** The app started last, or null when none runs. */
    public TesseraApp app() {
        return app;
    }

    /** The robot that clicks and types for this test. */
    public FxRobot robot() {
        return robot;
    }

    /** The primary stage's scene: the app's main window, for screenshots. */
    public Scene scene() throws TimeoutException {
        return stage().getScene();
    }

    /** The text of the Label {@code selector} finds, read on the JavaFX thread. */
    public String text(String selector) throws Exception {
        return fx(() -> robot.lookup(selector).queryAs(Label.class).getText());
    }
}
