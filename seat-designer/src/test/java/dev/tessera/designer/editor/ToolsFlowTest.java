package dev.tessera.designer.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.core.seatmap.Point;
import dev.tessera.designer.i18n.Messages;
import dev.tessera.designer.model.BackgroundImage;
import dev.tessera.designer.model.DesignArea;
import dev.tessera.designer.model.DesignSeat;
import dev.tessera.designer.model.SeatDocument;
import dev.tessera.designer.render.PlanSurface;
import dev.tessera.designer.render.PlanViewport;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Every placing tool used from the toolbar and the keyboard on an empty venue. */
@ExtendWith(ApplicationExtension.class)
class ToolsFlowTest {
    @TempDir
    Path dir;

    private SeatDesigner designer;
    private Stage stage;

    @BeforeAll
    static void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        designer = new SeatDesigner(SeatDocument.blank("Club"));
        stage.setScene(new Scene(designer, 1400, 860));
        stage.show();
    }

    private PlanSurface surface() {
        return ((SeatDesignerSkin) designer.getSkin()).surface();
    }

    private Point2D screen(double x, double y) {
        PlanViewport v = surface().viewport();
        return surface().localToScreen(v.toScreenX(x), v.toScreenY(y));
    }

    /** Waits until the events the robot sent are handled and a pulse has laid out and drawn the result. */
    private void settle() {
        RenderPass.await();
    }

    private void drag(FxRobot robot, Point2D from, Point2D to) {
        robot.moveTo(from).press(MouseButton.PRIMARY);
        for (int i = 1; i <= 6; i++) {
            robot.moveTo(new Point2D(from.getX() + (to.getX() - from.getX()) * i / 6,
                    from.getY() + (to.getY() - from.getY()) * i / 6));
        }
        robot.release(MouseButton.PRIMARY);
        settle();
    }

    @Test
    void stageTablesAreaGateLabelAndABlockOfRows(FxRobot robot) throws Exception {
        Path image = dir.resolve("plan.png");
        BufferedImage plan = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = plan.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 400, 300);
        g.setColor(new Color(120, 144, 156));
        g.setStroke(new java.awt.BasicStroke(4));
        g.drawRect(10, 10, 380, 280);
        g.drawLine(10, 60, 390, 60);
        g.dispose();
        ImageIO.write(plan, "png", image.toFile());
        robot.interact(() -> {
            designer.getActions().setBackground(new BackgroundImage(image.toString(), -2000, -600, 10, 0.4));
            surface().viewport().fit(-2100, -700, 2100, 2500, surface().getWidth(), surface().getHeight(), 10);
            surface().requestFullRedraw();
        });
        settle();

        robot.clickOn("#tool-stage");
        drag(robot, screen(-800, -500), screen(800, -100));
        assertThat(designer.getDocument().stage()).isPresent();
        assertThat(designer.getDocument().focalPoint().y()).isEqualTo(-100);

        robot.clickOn(surface(), MouseButton.MIDDLE);
        robot.type(KeyCode.DIGIT3);
        assertThat(designer.toolProperty().get().nameKey()).isEqualTo("tool.row");
        robot.interact(() -> designer.getOptions().rows.set(4));
        drag(robot, screen(-700, 300), screen(700, 300));
        assertThat(designer.getDocument().sections().getFirst().rows()).extracting(r -> r.label())
                .containsExactly("A", "B", "C", "D");

        robot.clickOn("#tool-table");
        robot.clickOn(screen(-1300, 1500));
        robot.clickOn(screen(-700, 1500));
        assertThat(designer.getDocument().tables()).hasSize(2);
        assertThat(designer.getDocument().sections().getFirst().rows()).hasSize(6);

        robot.clickOn("#tool-area");
        // (the minimap sits in the bottom-right corner of the plan)
        robot.clickOn(screen(0, 1100));
        robot.clickOn(screen(1000, 1100));
        robot.clickOn(screen(1000, 1800));
        robot.clickOn(screen(0, 1800));
        robot.type(KeyCode.ENTER);
        settle();
        assertThat(designer.getDocument().areas()).hasSize(1);
        DesignArea area = designer.getDocument().areas().getFirst();
        assertThat(area.outline()).as(area.outline().toString()).hasSize(4);
        assertThat(area.capacity()).isEqualTo(500);

        robot.clickOn("#tool-gate");
        robot.clickOn(screen(-1900, 2300));
        robot.clickOn("#tool-label");
        robot.clickOn(screen(800, 1000));
        assertThat(designer.getDocument().gates()).hasSize(1);
        assertThat(designer.getDocument().labels()).hasSize(1);

        // issue 17: the section tool draws an outline, seats.io's way; clicks alone add nothing, Esc drops the outline
        robot.clickOn("#tool-section");
        assertThat(hint(robot)).isEqualTo(Messages.get("tool.section.hint")).startsWith("Click the corners");
        robot.clickOn(screen(-2000, 200));
        robot.clickOn(screen(-1000, 200));
        robot.clickOn(screen(-1000, 1100));
        settle();
        assertThat(designer.getDocument().sections()).as("no section per click").hasSize(1);
        robot.type(KeyCode.ESCAPE);
        settle();
        assertThat(designer.getDocument().sections()).hasSize(1);
        robot.clickOn(screen(-2000, 200));
        robot.clickOn(screen(-1000, 200));
        robot.clickOn(screen(-1000, 1100));
        robot.moveTo(screen(-2000, 1100));
        settle();
        Screenshots.save(stage.getScene(), "editor-section-outline");
        robot.doubleClickOn(screen(-2000, 1100));
        settle();
        assertThat(designer.getDocument().sections()).hasSize(2);
        var drawn = designer.getDocument().sections().get(1);
        assertThat(drawn.outline()).hasSize(4).contains(new Point(-2000, 200), new Point(-1000, 1100));
        robot.type(KeyCode.DIGIT3);
        assertThat(hint(robot)).isEqualTo(Messages.get("tool.row.hint"));
        drag(robot, screen(-1900, 450), screen(-1100, 450));
        assertThat(drawn.rows()).as("the drawn section takes the next rows").hasSize(4);
        robot.interact(() -> {
            PlanViewport v = surface().viewport();
            double scale = 14.5 / DesignSeat.DIAMETER;
            v.set(scale, surface().getWidth() / 2 + 1500 * scale, surface().getHeight() / 2 - 600 * scale);
            surface().requestFullRedraw();
        });
        settle();
        // seats 14.5 px wide on screen carry their numbers, in a font no smaller than 8.5 px
        Screenshots.save(stage.getScene(), "editor-seat-labels-14px");
        assertThat(EditorOverlay.labelFont(14, 2).getSize()).isGreaterThanOrEqualTo(7.7);

        robot.clickOn("#tool-select");
        assertThat(hint(robot)).isEqualTo(Messages.get("tool.select.hint"));
        int[] problems = new int[1];
        robot.interact(() -> problems[0] = designer.validate());
        assertThat(problems[0]).as(designer.getProblems().toString()).isZero();
        Screenshots.save(stage.getScene(), "editor-tools");
        var saved = designer.getDocument().toSeatMap();
        Path file = dir.resolve("club.seatmap.json");
        robot.interact(() -> {
            try {
                designer.saveAs(file);
                designer.open(file);
            } catch (dev.tessera.designer.io.DesignerFileException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(designer.getDocument().toSeatMap()).isEqualTo(saved);
        assertThat(designer.getDocument().tables()).hasSize(2);
        assertThat(designer.getDocument().background()).isPresent();
        assertThat(designer.getDocument().sections().get(1).outline()).as("the outline is kept in the layout file")
                .hasSize(4).contains(new Point(-2000, 200));
    }

    private String hint(FxRobot robot) {
        return robot.lookup("#tool-hint").queryAs(javafx.scene.control.Label.class).getText();
    }
}
