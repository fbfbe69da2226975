package dev.tessera.designer.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.core.seatmap.SampleVenues;
import dev.tessera.core.seatmap.SeatMapFormat;
import dev.tessera.designer.editor.Screenshots;
import dev.tessera.designer.editor.SeatDesigner;
import dev.tessera.designer.i18n.Messages;
import dev.tessera.designer.render.PlanSurface;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class DesignerAppTest {
    private Stage stage;

    @BeforeAll
    static void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new DesignerApp().start(stage);
    }

    @Test
    void theStandaloneDesignerOpensTheBundledSampleVenues(FxRobot robot) throws Exception {
        SeatDesigner designer = robot.lookup(n -> n instanceof SeatDesigner).query();
        assertThat(designer.getDocument().name()).isEqualTo("Tessera Theatre");
        assertThat(designer.getDocument().toSeatMap()).isEqualTo(SampleVenues.theatre());
        Screenshots.save(stage.getScene(), "app-theatre");
        javafx.scene.control.MenuBar bar = robot.lookup(n -> n instanceof javafx.scene.control.MenuBar).query();
        javafx.scene.control.Menu samples = (javafx.scene.control.Menu) bar.getMenus().getFirst().getItems().stream()
                .filter(i -> Messages.get("menu.samples").equals(i.getText())).findFirst().orElseThrow();
        robot.interact(() -> samples.getItems().stream()
                .filter(i -> Messages.get("menu.sample.arena").equals(i.getText())).findFirst().orElseThrow().fire());
        assertThat(designer.getDocument().seatCount()).isEqualTo(SampleVenues.arena(20_000).seatCount());
    }

    @Test
    void theFocusedPlanIsStyledUnderTheAppsThemeWithoutCssWarnings(FxRobot robot) {
        // JavaFX reports a style it cannot apply on the "javafx.css" logger instead of throwing
        List<String> cssWarnings = new CopyOnWriteArrayList<>();
        Handler collector = new Handler() {
            @Override public void publish(LogRecord logRecord) { cssWarnings.add(logRecord.getMessage()); }
            @Override public void flush() {}
            @Override public void close() {}
        };
        Logger cssLogger = Logger.getLogger("javafx.css");
        cssLogger.addHandler(collector);
        try {
            PlanSurface plan = robot.lookup(n -> n instanceof PlanSurface).query();
            robot.interact(() -> {
                plan.requestFocus();
                stage.getScene().getRoot().applyCss();
            });
            assertThat(plan.isFocused()).isTrue();
            assertThat(plan.getBorder()).isNotNull();
            assertThat(plan.getBorder().getStrokes().getFirst().getTopStroke()).isEqualTo(Color.web("#0969DA"));
            assertThat(cssWarnings).isEmpty();
        } finally {
            cssLogger.removeHandler(collector);
        }
    }

    @Test
    void theSampleFilesInTheJarAreTheGeneratedVenues(@TempDir Path dir) throws Exception {
        for (Map.Entry<String, dev.tessera.core.seatmap.SeatMap> venue : SampleVenueFiles.venues().entrySet()) {
            try (InputStream in = SampleVenueFiles.class.getResourceAsStream(SampleVenueFiles.RESOURCE_FOLDER + venue.getKey())) {
                assertThat(in).as(venue.getKey()).isNotNull();
                assertThat(SeatMapFormat.read(in)).isEqualTo(venue.getValue());
            }
        }
        SampleVenueFiles.main(new String[] {dir.toString()});
        assertThat(SeatMapFormat.read(dir.resolve("theatre.seatmap.json"))).isEqualTo(SampleVenues.theatre());
    }
}
