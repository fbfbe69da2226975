package dev.tessera.designer.editor;

import dev.tessera.designer.i18n.Messages;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** JavaFX's own file choosers and an error alert. */
public final class FxFileDialogs implements FileDialogs {
    @Override
    public Optional<Path> open(Window owner, Kind kind) {
        File file = chooser(kind).showOpenDialog(owner);
        return Optional.ofNullable(file).map(File::toPath);
    }

    @Override
    public Optional<Path> save(Window owner, Kind kind, String suggestedName) {
        FileChooser chooser = chooser(kind);
        chooser.setInitialFileName(suggestedName);
        File file = chooser.showSaveDialog(owner);
        return Optional.ofNullable(file).map(File::toPath);
    }

    @Override
    public void showError(Window owner, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.initOwner(owner);
        alert.setHeaderText(null);
        alert.showAndWait();
    }

    private static FileChooser chooser(Kind kind) {
        FileChooser chooser = new FileChooser();
        String key = "files." + kind.name().toLowerCase(Locale.ROOT);
        String[] patterns = switch (kind) {
            case SEAT_MAP -> new String[] {"*.seatmap.json", "*.json"};
            case CSV -> new String[] {"*.csv"};
            case PNG -> new String[] {"*.png"};
            case SVG -> new String[] {"*.svg"};
            case PDF -> new String[] {"*.pdf"};
            case IMAGE -> new String[] {"*.png", "*.jpg", "*.jpeg"};
        };
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get(key), patterns));
        return chooser;
    }
}
