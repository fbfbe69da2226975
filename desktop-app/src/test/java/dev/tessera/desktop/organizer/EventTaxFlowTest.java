package dev.tessera.desktop.organizer;

import static dev.tessera.desktop.support.Fx.fx;
import static dev.tessera.desktop.support.Fx.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.desktop.TesseraApp;
import dev.tessera.contract.tax.EventTax;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.desktop.center.CenterClient;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.desktop.support.AppUnderTest;
import dev.tessera.desktop.support.Screenshots;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * Issue 17, headless on the embedded center: the organizer opens the Tax tab (Alt+4), sees the demo event's rates
 * per category, is told in words what is wrong with a bad rate and a bad registration number (nothing is saved),
 * saves a reduced rate and a registration number (the center has them), and is offered the country's rates.
 */
class EventTaxFlowTest {
    @RegisterExtension
    final AppUnderTest ui = new AppUnderTest();
    private final FxRobot robot = ui.robot();

    @Test
    void theOrganizerSetsAnEventsRatesWithErrorsInWords(@TempDir Path data) throws Exception {
        TesseraApp app = ui.start(data);
        ui.signIn("organizer", "organizer-demo");
        waitFor(90, "the organizer workspace", () -> app.shell().main().flatMap(m -> m.workspace(OrganizerWorkspace.class))
                .isPresent() && robot.lookup("#venueList").tryQuery().map(Node::isVisible).orElse(false));
        OrganizerWorkspace organizer = fx(() -> app.shell().main().orElseThrow().workspace(OrganizerWorkspace.class)
                .orElseThrow());
        robot.press(KeyCode.ALT).type(KeyCode.DIGIT4).release(KeyCode.ALT);
        waitFor(20, "the Tax tab with the events", () -> robot.lookup("#taxEvent").tryQuery().map(Node::isVisible)
                .orElse(false) && !organizer.events().events().isEmpty());
        EventInfo event = fx(() -> organizer.events().events().getFirst());
        List<String> categories = List.copyOf(new TreeMap<>(event.pricesMinor()).keySet());
        fx(() -> {
            organizer.tax().eventProperty().set(event);
            return null;
        });
        String first = "#taxRate-" + categories.getFirst();
        waitFor(20, "the rates", () -> robot.lookup(first).tryQuery().isPresent()
                && ui.text("#taxStatus").startsWith("The tax of"));
        assertThat(fx(() -> robot.lookup(first).queryAs(TextField.class).getText())).isEqualTo("10");
        // at 1280×800, nothing cut short
        javafx.stage.Stage stage = (javafx.stage.Stage) ui.scene().getWindow();
        fx(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1280);
            stage.setHeight(800);
            return null;
        });
        waitFor(30, "the window at 1280×800", () -> fx(() -> ui.scene().getWidth() <= 1280
                && ui.scene().getWidth() > 1240));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        Screenshots.take(ui.scene(), "74-organizer-tax");
        assertThat(clipped(robot.lookup("#taxEvent").query().getParent().getParent())).isEmpty();

        // a rate that is not one: said in words, nothing saved
        try (CenterClient api = new CenterClient(app.shell().connection().orElseThrow().baseUri())) {
            CenterSession check = api.signIn("organizer", "organizer-demo");
            robot.doubleClickOn(first).eraseText(3).write("abc");
            robot.clickOn("#taxSave");
            waitFor(10, "the rate refused", () -> ui.text("#taxStatus").contains("must be a percentage from 0 to 50"));
            assertThat(check.eventTax(event.id()).rateOf(categories.getFirst())).isEqualTo(1000);
            Screenshots.take(ui.scene(), "74-organizer-tax-bad-rate");

            // 8 %, but a registration number that is not Japan's form
            robot.doubleClickOn(first).eraseText(3).write("8");
            robot.clickOn("#taxRegistration").write("T123");
            robot.clickOn("#taxSave");
            waitFor(10, "the number refused", () -> ui.text("#taxStatus").contains("T and 13 digits"));
            assertThat(check.eventTax(event.id()).registrationNumber()).isNull();

            // the right number; Ctrl+S saves: the center has 8 % and the number, the other categories keep 10 %
            robot.doubleClickOn("#taxRegistration").eraseText(4).write("T1234567890123");
            robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
            waitFor(20, "saved", () -> ui.text("#taxStatus").startsWith("Saved: the tax of"));
            EventTax saved = check.eventTax(event.id());
            assertThat(saved.rateOf(categories.getFirst())).isEqualTo(800);
            assertThat(saved.registrationNumber()).isEqualTo("T1234567890123");
            categories.stream().skip(1).forEach(c -> assertThat(saved.rateOf(c)).isEqualTo(1000));
            Screenshots.take(ui.scene(), "74-organizer-tax-saved");

            // the country's rates offered: every category back at Japan's 10 %, with the reduced rate named
            robot.clickOn("#taxDefaults");
            waitFor(5, "the defaults", () -> ui.text("#taxStatus").contains("standard rate, 10%")
                    && ui.text("#taxStatus").contains("(8%)"));
            assertThat(fx(() -> robot.lookup(first).queryAs(TextField.class).getText())).isEqualTo("10");
            assertThat(clipped(robot.lookup("#taxEvent").query().getParent().getParent())).isEmpty();
        }
    }

    /** Labels and buttons whose text JavaFX cut with an ellipsis. */
    private static List<String> clipped(Parent root) throws Exception {
        return fx(() -> {
            List<String> found = new ArrayList<>();
            collect(root, found);
            return found;
        });
    }

    private static void collect(Node node, List<String> found) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isBlank()) {
            String full = labeled.isMnemonicParsing() ? labeled.getText().replaceFirst("_", "") : labeled.getText();
            for (Node child : labeled.getChildrenUnmodifiable()) {
                if (child instanceof Text shown && shown.getText() != null && !shown.getText().equals(full)
                        && shown.getText().contains(labeled.getEllipsisString())) {
                    found.add(full + " shown as " + shown.getText());
                }
            }
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, found));
        }
    }
}
