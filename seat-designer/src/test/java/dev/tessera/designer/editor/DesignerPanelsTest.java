package dev.tessera.designer.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.core.seatmap.SampleVenues;
import dev.tessera.designer.i18n.Messages;
import dev.tessera.designer.model.DesignSeat;
import dev.tessera.designer.model.SeatDocument;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 17: "Assign to selected seats" works on the current selection with the category the toolbar shows when no row
 * of the list is picked, and says what to do first instead of doing nothing; after Validate finds nothing, the problems
 * list says so instead of asking for a validation.
 */
@ExtendWith(ApplicationExtension.class)
class DesignerPanelsTest {
    private Stage stage;

    @AfterEach
    void close() throws Exception {
        if (stage != null) {
            WaitForAsyncUtils.asyncFx(stage::close).get();
        }
    }

    @Test
    void assignGivesTheToolbarsCategoryToTheSelectionAndSaysWhatToDoWithoutOne(FxRobot robot) throws Exception {
        Messages.setLocale(Locale.ENGLISH);
        SeatDesigner designer = WaitForAsyncUtils.asyncFx(() -> {
            SeatDesigner d = new SeatDesigner(SeatDocument.of(SampleVenues.theatre()));
            stage = new Stage();
            stage.setScene(new Scene(d, 1200, 760));
            stage.show();
            return d;
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        Button assign = robot.from(designer).lookup("#categories-assign").queryAs(Button.class);
        Label message = robot.from(designer).lookup("#categories-message").queryAs(Label.class);
        SeatDocument document = designer.getDocument();
        String balcony = document.categories().stream().filter(c -> c.name().equals("Balcony")).findFirst()
                .orElseThrow().id();
        List<DesignSeat> three = document.seats().stream().filter(s -> !balcony.equals(s.categoryId())).limit(3).toList();

        // nothing selected: nothing changes, and the panel says what to do first
        WaitForAsyncUtils.asyncFx(() -> {
            designer.getOptions().categoryId.set(balcony);
            assign.fire();
        }).get();
        assertThat(WaitForAsyncUtils.asyncFx(message::getText).get()).startsWith("Select the seats or areas that become Balcony");
        assertThat(three).noneMatch(s -> balcony.equals(s.categoryId()));

        // three seats selected, no row of the list picked: the toolbar's category goes to them, in one undoable step
        WaitForAsyncUtils.asyncFx(() -> {
            designer.getSelection().select(three);
            assign.fire();
        }).get();
        assertThat(three).allMatch(s -> balcony.equals(s.categoryId()));
        assertThat(WaitForAsyncUtils.asyncFx(message::getText).get()).isEqualTo("Balcony given to 3 seats or areas.");
        WaitForAsyncUtils.asyncFx(() -> designer.getJobManager().undo()).get();
        assertThat(three).noneMatch(s -> balcony.equals(s.categoryId()));
    }

    @Test
    void anEmptyProblemsListSaysTheVenueIsCleanRightAfterValidatingAndAsksAgainAfterAnEdit(FxRobot robot) throws Exception {
        Messages.setLocale(Locale.ENGLISH);
        SeatDesigner designer = WaitForAsyncUtils.asyncFx(() -> {
            SeatDesigner d = new SeatDesigner(SeatDocument.of(SampleVenues.theatre()));
            stage = new Stage();
            stage.setScene(new Scene(d, 1200, 760));
            stage.show();
            return d;
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        Label placeholder = robot.from(designer).lookup("#problems-placeholder").queryAs(Label.class);
        assertThat(WaitForAsyncUtils.asyncFx(placeholder::getText).get()).isEqualTo("No problems listed. Validate to check the venue.");
        assertThat(WaitForAsyncUtils.asyncFx(designer::validate).get()).isZero();
        assertThat(WaitForAsyncUtils.asyncFx(placeholder::getText).get()).isEqualTo("No problems: the venue is ready to save.");
        WaitForAsyncUtils.asyncFx(() -> {
            designer.getSelection().select(List.of(designer.getDocument().seats().getFirst()));
            designer.getActions().nudge(10, 0);
        }).get();
        assertThat(WaitForAsyncUtils.asyncFx(placeholder::getText).get()).isEqualTo("No problems listed. Validate to check the venue.");
    }
}
