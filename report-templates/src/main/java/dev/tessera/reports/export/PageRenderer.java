package dev.tessera.reports.export;

import dev.tessera.reports.ReportException;
import java.awt.image.BufferedImage;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperPrintManager;

/**
 * Draws one page of a filled report as an image, for a preview in any UI toolkit (the desktop's
 * JavaFX preview wraps these). Zoom 1 is 72 dpi, one pixel per point.
 */
public final class PageRenderer {
    private PageRenderer() {}

    public static int pageCount(JasperPrint print) {
        return print.getPages().size();
    }

    public static BufferedImage render(JasperPrint print, int pageIndex, float zoom) {
        if (pageIndex < 0 || pageIndex >= pageCount(print)) {
            throw new IllegalArgumentException("page " + pageIndex + " of " + pageCount(print));
        }
        if (!(zoom > 0 && zoom <= 10)) {
            throw new IllegalArgumentException("zoom must be in (0, 10]: " + zoom);
        }
        try {
            return (BufferedImage) JasperPrintManager.getInstance(dev.tessera.reports.engine.Jasper.context())
                    .printToImage(print, pageIndex, zoom);
        } catch (JRException e) {
            throw new ReportException("Page " + (pageIndex + 1) + " could not be drawn.", e);
        }
    }
}
