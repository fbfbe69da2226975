package dev.tessera.designer.editor;

import dev.tessera.designer.i18n.Messages;
import dev.tessera.designer.io.CsvImport;
import dev.tessera.designer.io.DesignerFileException;
import dev.tessera.designer.io.DocumentFiles;
import dev.tessera.designer.job.Job;
import dev.tessera.designer.job.JobManager;
import dev.tessera.designer.model.SeatDocument;
import dev.tessera.designer.model.Selection;
import dev.tessera.designer.tool.SelectTool;
import dev.tessera.designer.tool.Tool;
import dev.tessera.designer.tool.ToolOptions;
import dev.tessera.designer.validation.Problem;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;

/**
 * The seat designer as one embeddable control, like Scene Builder's kit: a plan with tools,
 * rulers and a minimap, a properties panel, categories, numbering and a list of problems. Every
 * edit goes through {@link #getJobManager()}, so everything can be undone. The host (the
 * standalone launcher or the desktop app) adds menus and file dialogs around it, or uses the
 * toolbar's own.
 */
public class SeatDesigner extends Control {
    /** Add to a scene that uses an AtlantaFX theme: it gives ControlsFX the colours it looks up. */
    public static final String ATLANTAFX_STYLESHEET =
            SeatDesigner.class.getResource("/dev/tessera/designer/render/controlsfx-on-atlantafx.css").toExternalForm();

    private final ReadOnlyObjectWrapper<SeatDocument> document = new ReadOnlyObjectWrapper<>(this, "document");
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final ObjectProperty<Tool> tool = new SimpleObjectProperty<>(this, "tool", new SelectTool());
    private final StringProperty statusMessage = new SimpleStringProperty(this, "statusMessage", "");
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final JobManager jobs = new JobManager();
    private final Selection selection = new Selection();
    private final ToolOptions options = new ToolOptions();
    private final EditorActions actions = new EditorActions(document::get, jobs, selection);
    private final ObjectProperty<FileDialogs> fileDialogs = new SimpleObjectProperty<>(this, "fileDialogs");
    private final javafx.beans.property.ReadOnlyIntegerWrapper validatedRevision =
            new javafx.beans.property.ReadOnlyIntegerWrapper(this, "validatedRevision", -1);

    public SeatDesigner() {
        this(SeatDocument.blank(Messages.get("document.untitled")));
    }

    public SeatDesigner(SeatDocument initial) {
        getStyleClass().add("seat-designer");
        setDocument(initial, null);
        jobs.revisionProperty().addListener((obs, old, now) -> selection.retainIn(getDocument()));
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new SeatDesignerSkin(this);
    }

    @Override
    public String getUserAgentStylesheet() {
        return SeatDesigner.class.getResource("/dev/tessera/designer/render/plan.css").toExternalForm();
    }

    /** Shows another document with a fresh undo history. */
    public void setDocument(SeatDocument newDocument, Path from) {
        selection.clear();
        problems.clear();
        options.section.set(null);
        options.categoryId.set(null);
        document.set(newDocument);
        file.set(from);
        jobs.clear();
    }

    /**
     * This designer's document, file, undo history, problems and file dialogs in a new designer whose texts are in
     * {@link Messages#locale()} (the texts are set as the panels are built, so a host that switches languages puts the
     * new designer where this one was). This designer lets go of the document: its plan stops listening to it.
     */
    public SeatDesigner relocalized() {
        SeatDesigner fresh = new SeatDesigner(getDocument());
        fresh.file.set(file.get());
        fresh.problems.setAll(problems);
        fresh.fileDialogs.set(fileDialogs.get());
        fresh.setId(getId());
        fresh.getStyleClass().setAll(getStyleClass());
        fresh.getStylesheets().setAll(getStylesheets());
        fresh.jobs.adopt(jobs);
        setDocument(SeatDocument.blank(""), null);
        return fresh;
    }

    public SeatDocument getDocument() {
        return document.get();
    }

    public ReadOnlyObjectProperty<SeatDocument> documentProperty() {
        return document.getReadOnlyProperty();
    }

    /** The file the document was opened from or last saved to; null for a new document. */
    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public ObjectProperty<Tool> toolProperty() {
        return tool;
    }

    public StringProperty statusMessageProperty() {
        return statusMessage;
    }

    public JobManager getJobManager() {
        return jobs;
    }

    public Selection getSelection() {
        return selection;
    }

    public ToolOptions getOptions() {
        return options;
    }

    public EditorActions getActions() {
        return actions;
    }

    /**
     * The undo history's revision ({@link JobManager#getRevision()}) when the venue was last validated; -1 before. Equal
     * to the current revision: {@link #getProblems()} is what the venue as it is now has.
     */
    public javafx.beans.property.ReadOnlyIntegerProperty validatedRevisionProperty() {
        return validatedRevision.getReadOnlyProperty();
    }

    /** The problems the last validation found; the problems panel lists them. */
    public ObservableList<Problem> getProblems() {
        return problems;
    }

    /** The dialogs the toolbar's file buttons use; null for JavaFX's own file choosers. */
    public ObjectProperty<FileDialogs> fileDialogsProperty() {
        return fileDialogs;
    }

    public void push(Job job) {
        jobs.push(job);
    }

    public void open(Path path) throws DesignerFileException {
        SeatDocument opened = DocumentFiles.open(path);
        setDocument(opened, path);
        statusMessage.set(Messages.get("status.opened", path.getFileName(), opened.seatCount()));
    }

    /**
     * Opens a file on a background thread and shows it on the FX thread: the FX thread never waits
     * on reading and parsing (a stadium takes a few hundred milliseconds). The future fails with a
     * {@link DesignerFileException} when the file cannot be opened; the open document stays.
     */
    public java.util.concurrent.CompletableFuture<SeatDocument> openAsync(Path path) {
        java.util.concurrent.CompletableFuture<SeatDocument> result = new java.util.concurrent.CompletableFuture<>();
        Thread.ofVirtual().name("open " + path.getFileName()).start(() -> {
            try {
                SeatDocument opened = DocumentFiles.open(path);
                javafx.application.Platform.runLater(() -> {
                    setDocument(opened, path);
                    statusMessage.set(Messages.get("status.opened", path.getFileName(), opened.seatCount()));
                    result.complete(opened);
                });
            } catch (DesignerFileException failure) {
                result.completeExceptionally(failure);
            }
        });
        return result;
    }

    /** Saves to the current file. */
    public void save() throws DesignerFileException {
        if (file.get() == null) {
            throw new DesignerFileException(Messages.get("file.error.noFile"), null);
        }
        saveAs(file.get());
    }

    public void saveAs(Path path) throws DesignerFileException {
        DocumentFiles.save(getDocument(), path);
        file.set(path);
        jobs.markSaved();
        statusMessage.set(Messages.get("status.saved", path.getFileName()));
    }

    public void importCsv(Path path) throws DesignerFileException {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            CsvImport.Result result = CsvImport.read(reader, getDocument());
            jobs.push(result.job());
            selection.select(result.seats());
            statusMessage.set(Messages.get("status.imported", result.seats().size()));
        } catch (IOException failure) {
            throw new DesignerFileException(Messages.get("file.error.read", path, failure.getMessage()), failure);
        }
    }

    /** Validates the document and fills {@link #getProblems()}; returns how many were found. */
    public int validate() {
        problems.setAll(actions.validate());
        validatedRevision.set(jobs.getRevision());
        statusMessage.set(problems.isEmpty() ? Messages.get("status.valid") : Messages.get("status.problems", problems.size()));
        return problems.size();
    }
}
