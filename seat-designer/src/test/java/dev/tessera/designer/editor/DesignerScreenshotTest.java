package dev.tessera.designer.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.core.seatmap.SampleVenues;
import dev.tessera.designer.availability.AvailabilityView;
import dev.tessera.designer.availability.SeatStatus;
import dev.tessera.designer.model.SeatDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class DesignerScreenshotTest {
    @Test
    void theEditorShowsTheTheatre(FxRobot robot) throws Exception {
        Stage stage = WaitForAsyncUtils.asyncFx(() -> {
            Stage s = new Stage();
            SeatDesigner designer = new SeatDesigner(SeatDocument.of(SampleVenues.theatre()));
            s.setScene(new Scene(designer, 1400, 860));
            s.show();
            return s;
        }).get();
        Path shot = Screenshots.save(stage.getScene(), "editor-theatre");
        assertThat(Files.size(shot)).isGreaterThan(10_000);
        WaitForAsyncUtils.asyncFx(stage::close).get();
    }

    @Test
    void theEditorAndTheAvailabilityViewShowTheStadium(FxRobot robot) throws Exception {
        var map = SampleVenues.stadium(100_000);
        Stage editor = WaitForAsyncUtils.asyncFx(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(new SeatDesigner(SeatDocument.of(map)), 1400, 860));
            s.show();
            return s;
        }).get();
        Screenshots.save(editor.getScene(), "editor-stadium");
        WaitForAsyncUtils.asyncFx(() -> {
            SeatDesignerSkin skin = (SeatDesignerSkin) ((SeatDesigner) editor.getScene().getRoot()).getSkin();
            var v = skin.surface().viewport();
            var seat = map.seats().get(map.seatCount() / 3);
            v.zoomAt(12, v.toScreenX(seat.x()), v.toScreenY(seat.y()));
            v.pan(skin.surface().getWidth() / 2 - v.toScreenX(seat.x()), skin.surface().getHeight() / 2 - v.toScreenY(seat.y()));
            skin.surface().requestFullRedraw();
        }).get();
        Screenshots.save(editor.getScene(), "editor-stadium-zoomed");
        WaitForAsyncUtils.asyncFx(editor::close).get();

        Stage stage = WaitForAsyncUtils.asyncFx(() -> {
            Stage s = new Stage();
            AvailabilityView view = new AvailabilityView(map);
            s.setScene(new Scene(view, 1400, 860));
            s.show();
            java.util.Random random = new java.util.Random(3);
            Map<String, SeatStatus> changes = new HashMap<>();
            SeatStatus[] statuses = {SeatStatus.SOLD, SeatStatus.SOLD, SeatStatus.SOLD, SeatStatus.HELD,
                SeatStatus.ALLOCATED, SeatStatus.USED};
            // whole sections sold or allocated, and scattered sales everywhere
            for (int i = 0; i < map.seatCount(); i++) {
                var seat = map.seats().get(i);
                String section = map.sectionOf(seat.id()).orElseThrow().id();
                if (section.endsWith("5")) {
                    changes.put(seat.id(), SeatStatus.ALLOCATED);
                } else if (random.nextInt(10) < 4) {
                    changes.put(seat.id(), statuses[random.nextInt(statuses.length)]);
                }
            }
            view.setAnimated(false);
            view.applyChanges(changes);
            view.selectBestAvailable(6, map.categories().getFirst().id());
            return s;
        }).get();
        Screenshots.save(stage.getScene(), "availability-stadium");
        WaitForAsyncUtils.asyncFx(stage::close).get();
    }

    @Test
    void theEditorSpeaksJapanese(FxRobot robot) throws Exception {
        java.util.Locale before = dev.tessera.designer.i18n.Messages.locale();
        dev.tessera.designer.i18n.Messages.setLocale(java.util.Locale.JAPANESE);
        try {
            Stage stage = WaitForAsyncUtils.asyncFx(() -> {
                Stage s = new Stage();
                SeatDesigner designer = new SeatDesigner(SeatDocument.of(SampleVenues.theatre()));
                s.setScene(new Scene(designer, 1400, 860));
                s.show();
                designer.getSelection().select(designer.getDocument().seats().subList(0, 3));
                designer.validate();
                return s;
            }).get();
            Path shot = Screenshots.save(stage.getScene(), "editor-japanese");
            assertThat(Files.size(shot)).isGreaterThan(10_000);
            WaitForAsyncUtils.asyncFx(stage::close).get();
        } finally {
            dev.tessera.designer.i18n.Messages.setLocale(before);
        }
    }

    @Test
    void theAvailabilityViewShowsStatuses(FxRobot robot) throws Exception {
        var map = SampleVenues.theatre();
        Stage stage = WaitForAsyncUtils.asyncFx(() -> {
            Stage s = new Stage();
            AvailabilityView view = new AvailabilityView(map);
            view.setAnimated(false);
            s.setScene(new Scene(view, 1400, 860));
            s.show();
            Map<String, SeatStatus> changes = new HashMap<>();
            List<SeatStatus> cycle = List.of(SeatStatus.SOLD, SeatStatus.SOLD, SeatStatus.HELD, SeatStatus.ALLOCATED,
                    SeatStatus.USED, SeatStatus.BLOCKED, SeatStatus.FREE, SeatStatus.SOLD);
            for (int i = 0; i < map.seatCount(); i++) {
                if (i % 3 != 0) {
                    changes.put(map.seats().get(i).id(), cycle.get((i / 7) % cycle.size()));
                }
            }
            view.applyChanges(changes);
            view.selectBestAvailable(4, "stalls");
            return s;
        }).get();
        Path shot = Screenshots.save(stage.getScene(), "availability-theatre");
        assertThat(Files.size(shot)).isGreaterThan(10_000);
        WaitForAsyncUtils.asyncFx(stage::close).get();
    }
}
