package dev.tessera.designer.editor;

import dev.tessera.designer.i18n.Messages;
import dev.tessera.designer.io.AtomicFiles;
import dev.tessera.designer.io.DesignerFileException;
import dev.tessera.designer.io.PdfExport;
import dev.tessera.designer.io.SvgExport;
import dev.tessera.designer.model.SeatDocument;
import dev.tessera.designer.model.Selection;
import dev.tessera.designer.render.DocumentRendering;
import dev.tessera.designer.render.PlanSurface;
import dev.tessera.designer.render.SeatLayer;
import dev.tessera.designer.tool.ToolOptions;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * Exports the plan: PNG and PDF from a JavaFX snapshot of the same renderer the editor uses
 * (without grid or selection), SVG as vectors. Snapshots must be taken on the FX thread; files
 * are written atomically.
 */
public final class PlanExport {
    private PlanExport() {}

    /** Renders the whole plan, fitted, into an image of the given size. FX thread only. */
    public static WritableImage render(SeatDocument document, int width, int height) {
        SeatLayer layer = new SeatLayer();
        PlanSurface surface = new PlanSurface(layer);
        surface.setStyle("-fx-background-color: white;");
        surface.setRasterBackground(0xFFFFFFFF);
        Selection none = new Selection();
        DocumentRendering rendering = new DocumentRendering(surface, none);
        rendering.setDocument(document);
        ToolOptions options = new ToolOptions();
        options.gridVisible.set(false);
        surface.addOverlayPainter(new EditorOverlay(() -> document, none, layer, options));
        new Scene(surface, width, height);
        surface.applyCss();
        surface.layout();
        double[] b = SvgExport.bounds(document);
        surface.viewport().fit(b[0], b[1], b[2], b[3], width, height, 16);
        surface.requestFullRedraw();
        surface.flush();
        WritableImage image = surface.snapshot(null, null);
        rendering.setDocument(null);
        return image;
    }

    public static void png(SeatDocument document, Path file, int width, int height) throws DesignerFileException {
        BufferedImage image = SwingFXUtils.fromFXImage(render(document, width, height), null);
        write(file, out -> ImageIO.write(image, "png", out));
    }

    public static void pdf(SeatDocument document, Path file) throws DesignerFileException {
        BufferedImage image = SwingFXUtils.fromFXImage(render(document, 2400, 1700), null);
        write(file, out -> PdfExport.write(image, document.name(), out));
    }

    public static void svg(SeatDocument document, Path file) throws DesignerFileException {
        write(file, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            SvgExport.write(document, writer);
            writer.flush();
        });
    }

    private static void write(Path file, AtomicFiles.ContentWriter content) throws DesignerFileException {
        try {
            AtomicFiles.write(file, content);
        } catch (IOException | RuntimeException failure) {
            throw new DesignerFileException(Messages.get("export.error", file.getFileName(), failure.getMessage()), failure);
        }
    }
}
