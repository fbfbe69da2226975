package dev.tessera.reports.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.design.JasperDesign;
import net.sf.jasperreports.engine.xml.JRXmlLoader;

/**
 * Build step ({@code process-classes}): compiles every JRXML template to a {@code .jasper} resource,
 * so a broken template fails the build instead of a clerk's print. A template with the property
 * {@code tessera.letter.variant} also gets a US Letter twin ({@code NAME-letter.jasper}).
 */
public final class TemplateCompiler {
    static final String LETTER_VARIANT = "tessera.letter.variant";
    private static final int LETTER_WIDTH = 612;
    private static final int LETTER_HEIGHT = 792;
    private static final int MIN_LETTER_TOP = 18;
    private static final int GRID_300_DPI = 6;

    private TemplateCompiler() {}

    public static void main(String[] args) throws IOException, JRException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: TemplateCompiler <jrxml directory> <output directory>");
        }
        Path sources = Path.of(args[0]);
        Path output = Path.of(args[1]);
        Files.createDirectories(output);
        List<Path> templates;
        try (Stream<Path> files = Files.list(sources)) {
            templates = files.filter(f -> f.toString().endsWith(".jrxml")).sorted().toList();
        }
        for (Path template : templates) {
            String name = template.getFileName().toString().replace(".jrxml", "");
            JasperDesign design;
            try (InputStream in = Files.newInputStream(template)) {
                design = JRXmlLoader.load(in);
            }
            compile(design, output.resolve(name + ".jasper"));
            if (design.getPropertiesMap().containsProperty(LETTER_VARIANT)) {
                compile(letter(design), output.resolve(name + "-letter.jasper"));
            }
        }
        System.out.println("compiled " + templates.size() + " report templates into " + output);
    }

    private static void compile(JasperDesign design, Path target) throws JRException {
        JasperCompileManager.compileReportToFile(design, target.toString());
    }

    /**
     * Same content, centred on a Letter page to within 3 pt: A4 is narrower and taller, so only margins change, and
     * they move by whole 300 dpi dots so a QR code drawn on an office printer's dot grid stays on it.
     */
    static JasperDesign letter(JasperDesign a4) {
        int extraWidth = LETTER_WIDTH - a4.getPageWidth();
        int shiftRight = onDotGrid(extraWidth / 2.0);
        int newTop = a4.getTopMargin() + onDotGrid((LETTER_HEIGHT - a4.getPageHeight()) / 2.0);
        while (newTop < MIN_LETTER_TOP) {
            newTop += GRID_300_DPI;
        }
        a4.setName(a4.getName() + "-letter");
        a4.setLeftMargin(a4.getLeftMargin() + shiftRight);
        a4.setRightMargin(a4.getRightMargin() + extraWidth - shiftRight);
        a4.setPageWidth(LETTER_WIDTH);
        a4.setTopMargin(newTop);
        a4.setBottomMargin(Math.max(LETTER_HEIGHT - newTop - contentHeight(a4), 0));
        a4.setPageHeight(LETTER_HEIGHT);
        return a4;
    }

    /** The nearest multiple of 6 pt, the shortest length that is whole dots at 300 dpi (25). */
    static int onDotGrid(double points) {
        return (int) Math.round(points / GRID_300_DPI) * GRID_300_DPI;
    }

    private static int contentHeight(JasperDesign design) {
        return design.getPageHeight() - design.getTopMargin() - design.getBottomMargin();
    }
}
