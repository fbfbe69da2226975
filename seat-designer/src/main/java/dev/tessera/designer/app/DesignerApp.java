package dev.tessera.designer.app;

import atlantafx.base.theme.PrimerLight;
import dev.tessera.core.seatmap.SeatMapFormat;
import dev.tessera.designer.availability.AvailabilityView;
import dev.tessera.designer.editor.SeatDesigner;
import dev.tessera.designer.i18n.Messages;
import dev.tessera.designer.io.DesignerFileException;
import dev.tessera.designer.io.DocumentFiles;
import dev.tessera.designer.model.InvalidDocumentException;
import dev.tessera.designer.model.SeatDocument;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/**
 * The standalone seat designer: the {@link SeatDesigner} control in a window with a menu of the
 * sample venues and an availability preview. The first argument is a seat-map file or the name
 * of a sample (theatre, arena, stadium); without one it opens the theatre.
 */
public final class DesignerApp extends Application {
    private SeatDesigner designer;

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        List<String> args = getParameters() == null ? List.of() : getParameters().getRaw();
        designer = new SeatDesigner();
        open(args.isEmpty() ? "theatre" : args.getFirst());

        BorderPane root = new BorderPane(designer);
        root.setTop(menuBar(stage));
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1440, screen.getWidth()), Math.min(900, screen.getHeight()));
        scene.getStylesheets().add(SeatDesigner.ATLANTAFX_STYLESHEET);
        stage.setScene(scene);
        stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> Messages.get("app.title", designer.getDocument().name(),
                        designer.getJobManager().isModified() ? " *" : ""),
                designer.documentProperty(), designer.getJobManager().revisionProperty()));
        stage.show();
    }

    /** Opens a file, or a bundled sample by name. */
    private void open(String what) {
        try {
            if (List.of("theatre", "arena", "stadium").contains(what.toLowerCase(Locale.ROOT))) {
                SeatDocument sample = DocumentFiles.openResource(
                        SampleVenueFiles.RESOURCE_FOLDER + what.toLowerCase(Locale.ROOT) + SeatMapFormat.FILE_EXTENSION);
                designer.setDocument(sample, null);
            } else {
                designer.open(Path.of(what));
            }
        } catch (DesignerFileException failure) {
            Alert alert = new Alert(Alert.AlertType.ERROR, failure.getMessage());
            alert.setHeaderText(null);
            alert.show();
        }
    }

    private MenuBar menuBar(Stage stage) {
        Menu file = new Menu(Messages.get("menu.file"));
        MenuItem blank = new MenuItem(Messages.get("menu.new"));
        blank.setAccelerator(KeyCombination.keyCombination("Shortcut+N"));
        blank.setOnAction(e -> designer.setDocument(SeatDocument.blank(Messages.get("document.untitled")), null));
        Menu samples = new Menu(Messages.get("menu.samples"));
        for (String sample : List.of("theatre", "arena", "stadium")) {
            MenuItem item = new MenuItem(Messages.get("menu.sample." + sample));
            item.setOnAction(e -> open(sample));
            samples.getItems().add(item);
        }
        MenuItem quit = new MenuItem(Messages.get("menu.quit"));
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> stage.close());
        file.getItems().addAll(blank, samples, new SeparatorMenuItem(), quit);

        Menu view = new Menu(Messages.get("menu.view"));
        MenuItem availability = new MenuItem(Messages.get("menu.availability"));
        availability.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+A"));
        availability.setOnAction(e -> previewAvailability(stage));
        view.getItems().add(availability);
        return new MenuBar(file, view);
    }

    /** The counter's view of the venue being designed, to check how it will look at the box office. */
    private void previewAvailability(Stage owner) {
        try {
            AvailabilityView view = new AvailabilityView(designer.getDocument().toSeatMap());
            Stage window = new Stage();
            window.initOwner(owner);
            window.setTitle(Messages.get("menu.availability"));
            Scene scene = new Scene(view, Math.min(1280, owner.getWidth()), Math.min(800, owner.getHeight()));
            scene.getStylesheets().add(SeatDesigner.ATLANTAFX_STYLESHEET);
            window.setScene(scene);
            window.show();
        } catch (InvalidDocumentException invalid) {
            Alert alert = new Alert(Alert.AlertType.ERROR, Messages.get("file.error.invalid", invalid.getMessage()));
            alert.setHeaderText(null);
            alert.initOwner(owner);
            alert.show();
        }
    }
}
