package dev.tessera.designer.io;

import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.core.seatmap.SeatMapFormat;
import dev.tessera.core.seatmap.SeatMapFormatException;
import dev.tessera.designer.i18n.Messages;
import dev.tessera.designer.model.InvalidDocumentException;
import dev.tessera.designer.model.Placement;
import dev.tessera.designer.model.PlanLabel;
import dev.tessera.designer.model.PlanTable;
import dev.tessera.designer.model.SeatDocument;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens and saves documents: the seat map in the versioned format of
 * {@code docs/seat-map-format.md}, and the designer's layout beside it. Saving is atomic (see
 * {@link AtomicFiles}) and checks the whole document before touching the disk, so a document the
 * format would reject never replaces a good file; opening builds a new document and so never
 * spoils the open one.
 */
public final class DocumentFiles {
    private static final Logger LOG = LoggerFactory.getLogger(DocumentFiles.class);
    private static final String LAYOUT_EXTENSION = ".layout.json";

    private DocumentFiles() {}

    /** {@code hall.seatmap.json} keeps its layout in {@code hall.layout.json}. */
    public static Path layoutFileOf(Path seatMapFile) {
        String name = seatMapFile.getFileName().toString();
        String base = name.endsWith(SeatMapFormat.FILE_EXTENSION)
                ? name.substring(0, name.length() - SeatMapFormat.FILE_EXTENSION.length())
                : name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return seatMapFile.resolveSibling(base + LAYOUT_EXTENSION);
    }

    public static SeatDocument open(Path file) throws DesignerFileException {
        SeatMap map;
        try {
            map = SeatMapFormat.read(file);
        } catch (NoSuchFileException missing) {
            throw new DesignerFileException(Messages.get("file.error.missing", file), missing);
        } catch (IOException failure) {
            throw new DesignerFileException(Messages.get("file.error.read", file, failure.getMessage()), failure);
        } catch (SeatMapFormatException bad) {
            throw new DesignerFileException(Messages.get("file.error.format", file.getFileName(), bad.getMessage()), bad);
        }
        SeatDocument document = SeatDocument.of(map);
        Path layoutFile = layoutFileOf(file);
        if (Files.isRegularFile(layoutFile)) {
            try {
                apply(document, LayoutFormat.read(Files.readAllBytes(layoutFile)));
            } catch (IOException | IllegalArgumentException badLayout) {
                // the seat map is what matters; a damaged layout must not keep it from opening
                LOG.warn("ignored the layout file {}: {}", layoutFile, badLayout.getMessage());
            }
        }
        return document;
    }

    /** Opens a seat map from the class path (the bundled sample venues). */
    public static SeatDocument openResource(String resource) throws DesignerFileException {
        try (InputStream in = DocumentFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new DesignerFileException(Messages.get("file.error.missing", resource), null);
            }
            return SeatDocument.of(SeatMapFormat.read(in));
        } catch (IOException | SeatMapFormatException failure) {
            throw new DesignerFileException(Messages.get("file.error.format", resource, failure.getMessage()), failure);
        }
    }

    public static void save(SeatDocument document, Path file) throws DesignerFileException {
        SeatMap map;
        try {
            map = document.toSeatMap();
        } catch (InvalidDocumentException invalid) {
            throw new DesignerFileException(Messages.get("file.error.invalid", invalid.getMessage()), invalid);
        }
        // serialized in memory first: nothing reaches the disk unless the whole file is ready
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(1024, map.seatCount() * 100));
        try {
            SeatMapFormat.write(map, bytes);
        } catch (IOException impossible) {
            throw new DesignerFileException(Messages.get("file.error.write", file, impossible.getMessage()), impossible);
        }
        write(file, bytes.toByteArray());
        LayoutFormat.Layout layout = LayoutFormat.of(document);
        Path layoutFile = layoutFileOf(file);
        try {
            if (layout.isEmpty()) {
                Files.deleteIfExists(layoutFile);
            } else {
                write(layoutFile, LayoutFormat.write(layout));
            }
        } catch (IOException failure) {
            throw new DesignerFileException(Messages.get("file.error.write", layoutFile, failure.getMessage()), failure);
        }
    }

    static void write(Path file, byte[] content) throws DesignerFileException {
        try {
            AtomicFiles.write(file, out -> out.write(content));
        } catch (IOException failure) {
            throw new DesignerFileException(Messages.get("file.error.write", file, failure.getMessage()), failure);
        }
    }

    private static void apply(SeatDocument document, LayoutFormat.Layout layout) {
        for (PlanLabel label : layout.labels()) {
            document.insert(new Placement.OfLabel(-1, label));
        }
        for (PlanTable table : layout.tables()) {
            document.insert(new Placement.OfTable(-1, table));
        }
        document.setStage(layout.stage());
        document.setBackground(layout.background());
        for (var section : document.sections()) {
            var outline = layout.sectionOutlines().get(section.id());
            if (outline != null) {
                section.setOutline(outline);
            }
        }
    }
}
