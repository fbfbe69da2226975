package dev.tessera.designer.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.core.seatmap.SampleVenues;
import dev.tessera.designer.availability.AvailabilityView;
import dev.tessera.designer.i18n.Messages;
import dev.tessera.designer.model.SeatDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 17: an embedded designer follows its host's language switch (a new designer in the new language, with the same
 * document and undo history), an availability view's side panel too, and a designer shown wide fits a narrower window
 * afterwards, its side panel inside it.
 */
@ExtendWith(ApplicationExtension.class)
class DesignerLanguageAndFitTest {
    private Stage stage;

    @AfterEach
    void close() throws Exception {
        Messages.setLocale(Locale.ENGLISH);
        if (stage != null) {
            WaitForAsyncUtils.asyncFx(stage::close).get();
        }
    }

    @Test
    void aRelocalizedDesignerSpeaksJapaneseAndKeepsTheDocumentAndItsUndo(FxRobot robot) throws Exception {
        Messages.setLocale(Locale.ENGLISH);
        StackPane host = new StackPane();
        SeatDesigner designer = WaitForAsyncUtils.asyncFx(() -> {
            SeatDesigner d = new SeatDesigner(SeatDocument.of(SampleVenues.theatre()));
            host.getChildren().add(d);
            stage = new Stage();
            stage.setScene(new Scene(host, 1200, 760));
            stage.show();
            d.getActions().selectAll();
            d.getActions().nudge(10, 0);
            return d;
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(texts(designer)).contains("Select").doesNotContain("選択");
        SeatDocument document = designer.getDocument();
        double movedX = document.seats().getFirst().x();

        Messages.setLocale(Locale.JAPANESE);
        SeatDesigner fresh = WaitForAsyncUtils.asyncFx(() -> {
            SeatDesigner d = designer.relocalized();
            host.getChildren().setAll(d);
            return d;
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(texts(fresh)).contains("選択").doesNotContain("Select");
        assertThat(fresh.getDocument()).isSameAs(document);
        assertThat(designer.getDocument()).as("the old designer let go of the document").isNotSameAs(document);
        assertThat(fresh.getJobManager().canUndo()).isTrue();
        assertThat(designer.getJobManager().canUndo()).isFalse();
        WaitForAsyncUtils.asyncFx(() -> fresh.getJobManager().undo()).get();
        assertThat(document.seats().getFirst().x()).isEqualTo(movedX - 10);
    }

    @Test
    void anAvailabilityViewsSidePanelFollowsTheLanguage(FxRobot robot) throws Exception {
        Messages.setLocale(Locale.ENGLISH);
        AvailabilityView view = WaitForAsyncUtils.asyncFx(() -> {
            AvailabilityView v = new AvailabilityView(SampleVenues.theatre());
            stage = new Stage();
            stage.setScene(new Scene(v, 1200, 760));
            stage.show();
            v.getSelectedSeatIds().add(SampleVenues.theatre().seats().getFirst().id());
            return v;
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(texts(view)).contains("Legend", "By category");
        Messages.setLocale(Locale.JAPANESE);
        WaitForAsyncUtils.asyncFx(view::relocalize).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(texts(view)).contains("凡例", "席種別").doesNotContain("Legend", "By category");
        assertThat(WaitForAsyncUtils.asyncFx(() -> view.getChildrenUnmodifiable().size()).get())
                .as("only the new look").isOne();
        assertThat(view.getSelectedSeatIds()).hasSize(1);
    }

    @Test
    void aDesignerShownWideFitsANarrowerWindowWithItsSidePanelInside(FxRobot robot) throws Exception {
        Messages.setLocale(Locale.ENGLISH);
        SeatDesigner designer = WaitForAsyncUtils.asyncFx(() -> {
            SeatDesigner d = new SeatDesigner(SeatDocument.of(SampleVenues.theatre()));
            stage = new Stage();
            stage.setScene(new Scene(new StackPane(d), 1400, 880));
            stage.show();
            return d;
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        // the width the designer gets inside the organizer's Venues tab in a 1366-pixel window
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setWidth(1000);
            stage.setHeight(640);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        double sceneWidth = WaitForAsyncUtils.asyncFx(() -> designer.getScene().getWidth()).get();
        assertThat(WaitForAsyncUtils.asyncFx(designer::getWidth).get()).isLessThanOrEqualTo(sceneWidth);
        TabPane side = robot.from(designer).lookup(".tab-pane").queryAs(TabPane.class);
        Bounds panel = WaitForAsyncUtils.asyncFx(() -> side.localToScene(side.getLayoutBounds())).get();
        assertThat(panel.getMaxX()).as("the side panel's right edge").isLessThanOrEqualTo(sceneWidth + 1);
        assertThat(panel.getWidth()).isGreaterThanOrEqualTo(300);
        Screenshots.save(designer.getScene(), "designer-narrowed");
    }

    private static List<String> texts(Node root) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            List<String> texts = new ArrayList<>();
            collect(root, texts);
            return texts;
        }).get();
    }

    private static void collect(Node node, List<String> texts) {
        if (node instanceof Labeled labeled && labeled.getText() != null) {
            texts.add(labeled.getText());
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, texts);
            }
        }
    }
}
