package dev.tessera.reports.export;

import dev.tessera.reports.export.SalesLogRowLayout.Column;
import dev.tessera.reports.export.SalesLogRowLayout.Run;
import dev.tessera.reports.saleslog.SalesLogRow;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.util.List;
import java.util.Locale;
import net.sf.jasperreports.engine.JRGenericPrintElement;
import net.sf.jasperreports.engine.export.GenericElementGraphics2DHandler;
import net.sf.jasperreports.engine.export.JRGraphics2DExporterContext;
import net.sf.jasperreports.engine.export.draw.Offset;
import net.sf.jasperreports.engine.fonts.FontUtil;
import net.sf.jasperreports.engine.util.JRDataUtils;

/**
 * Draws a sales-log row on a page image or a printer's page (the preview, {@code PageRenderer}, and printing go
 * through Jasper's Graphics2D exporter): the same texts, columns and fonts as {@link SalesLogRowPdf}.
 */
final class SalesLogRowGraphics2D implements GenericElementGraphics2DHandler {
    @Override
    public boolean toExport(JRGenericPrintElement element) {
        return true;
    }

    @Override
    public void exportElement(JRGraphics2DExporterContext context, JRGenericPrintElement element, Graphics2D grx,
                              Offset offset) {
        if (!(element.getParameterValue(SalesLogRow.PARAMETER) instanceof SalesLogRow row)) {
            return;
        }
        FontUtil fonts = FontUtil.getInstance(context.getJasperReportsContext());
        String localeCode = context.getExportedReport().getLocaleCode();
        Locale locale = localeCode == null ? Locale.getDefault() : JRDataUtils.getLocale(localeCode);
        Font latin = fonts.getAwtFontFromBundles(SalesLogRowLayout.LATIN, Font.PLAIN, SalesLogRowLayout.SIZE, locale, false);
        Font japanese = fonts.getAwtFontFromBundles(SalesLogRowLayout.JAPANESE, Font.PLAIN, SalesLogRowLayout.SIZE, locale,
                false);
        Graphics2D g = (Graphics2D) grx.create();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(SalesLogRowLayout.COLOR);
            FontRenderContext frc = g.getFontRenderContext();
            LineMetrics metrics = latin.getLineMetrics("0", frc);
            float x = element.getX() + offset.getX();
            float baseline = element.getY() + offset.getY()
                    + (element.getHeight() - metrics.getHeight()) / 2 + metrics.getAscent();
            List<String> texts = row.texts();
            for (int i = 0; i < texts.size(); i++) {
                String text = texts.get(i);
                if (text == null || text.isEmpty()) {
                    continue;
                }
                Column column = SalesLogRowLayout.COLUMNS.get(i);
                List<Run> runs = SalesLogRowLayout.fitted(SalesLogRowLayout.runs(text), column.right() - column.left(),
                        (t, j) -> width(j ? japanese : latin, t, frc));
                float width = 0;
                for (Run run : runs) {
                    width += width(run.japanese() ? japanese : latin, run.text(), frc);
                }
                float at = x + (column.alignRight() ? column.right() - width : column.left());
                for (Run run : runs) {
                    Font font = run.japanese() ? japanese : latin;
                    g.setFont(font);
                    g.drawString(run.text(), at, baseline);
                    at += width(font, run.text(), frc);
                }
            }
        } finally {
            g.dispose();
        }
    }

    private static float width(Font font, String text, FontRenderContext frc) {
        return (float) font.getStringBounds(text, frc).getWidth();
    }
}
