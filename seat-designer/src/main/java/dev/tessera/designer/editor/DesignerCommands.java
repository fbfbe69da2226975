package dev.tessera.designer.editor;

import dev.tessera.core.seatmap.SeatMapFormat;
import dev.tessera.designer.i18n.Messages;
import dev.tessera.designer.io.DesignerFileException;
import dev.tessera.designer.model.BackgroundImage;
import dev.tessera.designer.render.PlanViewport;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/** The toolbar's file and view commands: they ask for a file, run, and report a failure as a sentence. */
final class DesignerCommands {
    private final SeatDesigner designer;
    private PlanEditorPane plan;

    DesignerCommands(SeatDesigner designer) {
        this.designer = designer;
    }

    void attach(PlanEditorPane pane) {
        this.plan = pane;
    }

    private FileDialogs dialogs() {
        FileDialogs custom = designer.fileDialogsProperty().get();
        return custom != null ? custom : new FxFileDialogs();
    }

    private Window window() {
        return designer.getScene() == null ? null : designer.getScene().getWindow();
    }

    private interface FileAction {
        void run(Path path) throws DesignerFileException;
    }

    private void attempt(FileAction action, Path path) {
        try {
            action.run(path);
        } catch (DesignerFileException failure) {
            designer.statusMessageProperty().set(failure.getMessage());
            dialogs().showError(window(), failure.getMessage());
        }
    }

    private String baseName() {
        Path file = designer.fileProperty().get();
        String name = file != null ? file.getFileName().toString() : designer.getDocument().name();
        return name.endsWith(SeatMapFormat.FILE_EXTENSION)
                ? name.substring(0, name.length() - SeatMapFormat.FILE_EXTENSION.length()) : name;
    }

    void open() {
        dialogs().open(window(), FileDialogs.Kind.SEAT_MAP).ifPresent(path -> {
            designer.statusMessageProperty().set(Messages.get("status.opening", path.getFileName()));
            designer.openAsync(path).whenComplete((document, failure) -> {
                if (failure != null) {
                    Throwable cause = failure instanceof java.util.concurrent.CompletionException c ? c.getCause() : failure;
                    javafx.application.Platform.runLater(() -> {
                        designer.statusMessageProperty().set(cause.getMessage());
                        dialogs().showError(window(), cause.getMessage());
                    });
                }
            });
        });
    }

    void save() {
        if (designer.fileProperty().get() != null) {
            attempt(p -> designer.save(), null);
        } else {
            saveAs();
        }
    }

    void saveAs() {
        dialogs().save(window(), FileDialogs.Kind.SEAT_MAP, baseName() + SeatMapFormat.FILE_EXTENSION)
                .ifPresent(path -> attempt(designer::saveAs, path));
    }

    void importCsv() {
        dialogs().open(window(), FileDialogs.Kind.CSV).ifPresent(path -> attempt(designer::importCsv, path));
    }

    void chooseBackground() {
        Optional<Path> chosen = dialogs().open(window(), FileDialogs.Kind.IMAGE);
        chosen.ifPresent(path -> {
            PlanViewport v = plan.surface().viewport();
            // placed at the top-left of the view, one image pixel per screen pixel, half transparent
            designer.getActions().setBackground(new BackgroundImage(path.toAbsolutePath().toString(), v.toPlanX(0),
                    v.toPlanY(0), 1 / v.scale(), 0.5));
        });
    }

    void exportPng() {
        dialogs().save(window(), FileDialogs.Kind.PNG, baseName() + ".png").ifPresent(path -> attempt(p -> {
            PlanExport.png(designer.getDocument(), p, 2400, 1700);
            designer.statusMessageProperty().set(Messages.get("status.exported", p.getFileName()));
        }, path));
    }

    void exportSvg() {
        dialogs().save(window(), FileDialogs.Kind.SVG, baseName() + ".svg").ifPresent(path -> attempt(p -> {
            PlanExport.svg(designer.getDocument(), p);
            designer.statusMessageProperty().set(Messages.get("status.exported", p.getFileName()));
        }, path));
    }

    void exportPdf() {
        dialogs().save(window(), FileDialogs.Kind.PDF, baseName() + ".pdf").ifPresent(path -> attempt(p -> {
            PlanExport.pdf(designer.getDocument(), p);
            designer.statusMessageProperty().set(Messages.get("status.exported", p.getFileName()));
        }, path));
    }

    void zoomIn() {
        plan.navigator().zoom(1.25);
    }

    void zoomOut() {
        plan.navigator().zoom(1 / 1.25);
    }

    void fit() {
        plan.navigator().fit();
    }
}
