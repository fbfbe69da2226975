package dev.tessera.desktop.support;

import static dev.tessera.desktop.support.Fx.fx;
import static dev.tessera.desktop.support.Fx.waitFor;

import dev.tessera.desktop.gate.GateStation;
import dev.tessera.desktop.gate.GateViewModel;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;

/** The gate workspace on screen, as gate staff use it. */
public final class GateTaps {
    private GateTaps() {}

    /**
     * Chooses the event in the gate's list once the list, which the workspace loads in the background after it shows,
     * holds it.
     */
    public static void chooseEvent(GateViewModel gate, long eventId) throws Exception {
        waitFor(30, "event " + eventId + " in the gate's list", () -> gate.events().stream().anyMatch(e -> e.id() == eventId));
        fx(() -> {
            gate.eventProperty().set(gate.events().stream().filter(e -> e.id() == eventId).findFirst().orElseThrow());
            return null;
        });
    }

    /** Selects the first chip in the gate's tray and taps it (Ctrl+T); the gate's answer to that tap. */
    public static GateStation.Answer tapFirstChip(FxRobot robot, GateViewModel gate) throws Exception {
        long before = fx(() -> gate.answerProperty().get() == null ? -1 : gate.answerProperty().get().scan().id());
        ListView<?> chips = robot.lookup("#gateChips").queryAs(ListView.class);
        fx(() -> {
            gate.refreshChips();
            chips.getSelectionModel().select(0);
            return null;
        });
        robot.press(KeyCode.CONTROL).type(KeyCode.T).release(KeyCode.CONTROL);
        waitFor(20, "the gate's answer", () -> !gate.checkingProperty().get() && gate.answerProperty().get() != null
                && gate.answerProperty().get().scan().id() != before);
        return fx(() -> gate.answerProperty().get());
    }
}
