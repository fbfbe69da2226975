package dev.tessera.reports.engine;

import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;

/**
 * Tessera's Jasper settings, kept in a context of our own instead of a class-path
 * {@code jasperreports.properties}, so a host application's settings and ours never collide.
 */
public final class Jasper {
    private static final SimpleJasperReportsContext CONTEXT = create();

    private Jasper() {}

    public static JasperReportsContext context() {
        return CONTEXT;
    }

    private static SimpleJasperReportsContext create() {
        SimpleJasperReportsContext context = new SimpleJasperReportsContext(DefaultJasperReportsContext.getInstance());
        // a missing font is an error, never a silent fallback to a font without Japanese glyphs
        context.setProperty("net.sf.jasperreports.awt.ignore.missing.font", "false");
        // PDF text without bidi analysis unless it holds a right-to-left character (export.LeftToRightPdfProducerFactory)
        context.setProperty("net.sf.jasperreports.export.pdf.producer.factory",
                "dev.tessera.reports.export.LeftToRightPdfProducerFactory");
        return context;
    }
}
