package dev.tessera.reports.export;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ByteBuffer;
import com.lowagie.text.pdf.PdfContentByte;
import dev.tessera.reports.export.SalesLogRowLayout.Column;
import dev.tessera.reports.export.SalesLogRowLayout.Run;
import dev.tessera.reports.saleslog.SalesLogRow;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws a sales-log row straight into a PDF page (issue 13): its seven texts in one text object, each in the
 * font objects Jasper's PDF producer gives for DejaVu Sans and IPAex Gothic (so the document embeds one subset of
 * each), vertically centred in the row as the template's texts were. A text the row showed before is written again
 * from the bytes it gave then (times, kinds, categories, counts and amounts repeat on thousands of rows).
 */
final class SalesLogRowPdf {
    /** Texts per font whose showing is kept, at most. */
    private static final int SHOWN_TEXTS = 4_096;

    private final BaseFont latin;
    private final BaseFont japanese;
    private final float ascent;
    private final float lineHeight;
    private final Map<String, byte[]> shownLatin = new HashMap<>();
    private final Map<String, byte[]> shownJapanese = new HashMap<>();

    SalesLogRowPdf(BaseFont latin, BaseFont japanese) {
        this.latin = latin;
        this.japanese = japanese;
        this.ascent = latin.getFontDescriptor(BaseFont.AWT_ASCENT, SalesLogRowLayout.SIZE);
        this.lineHeight = ascent - latin.getFontDescriptor(BaseFont.AWT_DESCENT, SalesLogRowLayout.SIZE)
                + latin.getFontDescriptor(BaseFont.AWT_LEADING, SalesLogRowLayout.SIZE);
    }

    /** The row whose element's top left corner is at {@code x}, {@code top} in PDF page space, {@code height} high. */
    void draw(PdfContentByte page, SalesLogRow row, float x, float top, float height) {
        float baseline = top - (height - lineHeight) / 2 - ascent;
        List<String> texts = row.texts();
        BaseFont set = null;
        page.beginText();
        page.setColorFill(SalesLogRowLayout.COLOR);
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text == null || text.isEmpty()) {
                continue;
            }
            Column column = SalesLogRowLayout.COLUMNS.get(i);
            List<Run> runs = SalesLogRowLayout.runs(text);
            float room = column.right() - column.left();
            float width = width(runs);
            if (width > room) {
                runs = SalesLogRowLayout.fitted(runs, room, (t, j) -> font(j).getWidthPoint(t, SalesLogRowLayout.SIZE));
                width = width(runs);
            }
            float at = x + (column.alignRight() ? column.right() - width : column.left());
            for (Run run : runs) {
                BaseFont font = font(run.japanese());
                if (font != set) {
                    page.setFontAndSize(font, SalesLogRowLayout.SIZE);
                    set = font;
                }
                page.setTextMatrix(at, baseline);
                show(page, run.text(), run.japanese() ? shownJapanese : shownLatin);
                at += font.getWidthPoint(run.text(), SalesLogRowLayout.SIZE);
            }
        }
        page.endText();
        page.resetRGBColorFill();
    }

    private float width(List<Run> runs) {
        float width = 0;
        for (Run run : runs) {
            width += font(run.japanese()).getWidthPoint(run.text(), SalesLogRowLayout.SIZE);
        }
        return width;
    }

    private BaseFont font(boolean japaneseScript) {
        return japaneseScript ? japanese : latin;
    }

    /** {@code showText}'s bytes, from the first showing of the same text when there was one. */
    private static void show(PdfContentByte page, String text, Map<String, byte[]> shown) {
        byte[] bytes = shown.get(text);
        ByteBuffer buffer = page.getInternalBuffer();
        if (bytes != null) {
            buffer.append(bytes);
            return;
        }
        int start = buffer.size();
        page.showText(text);
        if (shown.size() < SHOWN_TEXTS) {
            shown.put(text, Arrays.copyOfRange(buffer.getBuffer(), start, buffer.size()));
        }
    }
}
