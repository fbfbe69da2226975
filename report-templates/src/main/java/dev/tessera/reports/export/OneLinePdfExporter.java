package dev.tessera.reports.export;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import dev.tessera.reports.saleslog.SalesLogRow;
import java.awt.Color;
import java.awt.font.TextAttribute;
import java.text.AttributedCharacterIterator.Attribute;
import java.text.Bidi;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JRGenericPrintElement;
import net.sf.jasperreports.engine.JRLineBox;
import net.sf.jasperreports.engine.JRParagraph;
import net.sf.jasperreports.engine.JRPen;
import net.sf.jasperreports.engine.JRPrintText;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.fill.JRTemplatePrintElement;
import net.sf.jasperreports.engine.type.HyperlinkTypeEnum;
import net.sf.jasperreports.engine.type.ModeEnum;
import net.sf.jasperreports.engine.type.RotationEnum;
import net.sf.jasperreports.engine.util.JRStyledText;
import net.sf.jasperreports.engine.util.JRTextAttribute;
import net.sf.jasperreports.pdf.AbstractPdfTextRenderer;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfTextRenderer;
import net.sf.jasperreports.pdf.classic.ClassicPdfProducer;
import net.sf.jasperreports.pdf.common.PdfTextAlignment;

/**
 * Jasper's PDF exporter, except that a text of one line in one font is written straight into the page's content
 * (one font, one position, the glyphs) instead of through OpenPDF's {@code ColumnText}, which splits every text into
 * chunks and lines again (issue 13: nine tenths of a 100,000-sale log's export). The text lands where
 * {@link SimplePdfTextRenderer} puts it: the same first baseline ({@code ColumnText}'s leading of the line spacing
 * times the font size below the text's top), the same alignment, in the font object Jasper's producer gives, so it
 * embeds the same font subset. Anything else — more lines than one, a text wider than its box, several fonts or
 * styles, right-to-left text, tabs, indents, a rotation, underline, a hyperlink inside the text — goes the standard way.
 */
final class OneLinePdfExporter extends JRPdfExporter {
    private final Map<Map<Attribute, Object>, Font> fonts = new HashMap<>();
    /** How the texts of one element template are set, learnt from the first one drawn directly. */
    private final Map<PlanKey, Plan> plans = new HashMap<>();
    private SalesLogRowPdf rows;

    OneLinePdfExporter(JasperReportsContext context) {
        super(context);
    }

    /**
     * A text of a template already drawn directly once is set again the same way without Jasper's styled-text
     * processing and renderer (a sales-log row repeats seven templates ~100,000 times): when it is plain printable
     * ASCII (one font of the font set, no right-to-left) and fits its box in one line.
     */
    @Override
    public void exportText(JRPrintText text) {
        if (text instanceof JRTemplatePrintElement element) {
            Plan plan = plans.get(PlanKey.of(element, text));
            if (plan != null && plan.draw(((ClassicPdfProducer) pdfProducer).getPdfContentByte(), text, getOffsetX(),
                    getOffsetY(), pageFormat.getPageHeight())) {
                return;
            }
        }
        super.exportText(text);
    }

    /** Issue 13: a sales-log row is drawn here, its seven texts at once ({@link SalesLogRowPdf}). */
    @Override
    protected void exportGenericElement(JRGenericPrintElement element) {
        if (SalesLogRow.TYPE.equals(element.getGenericType())
                && element.getParameterValue(SalesLogRow.PARAMETER) instanceof SalesLogRow row
                && pdfProducer instanceof ClassicPdfProducer producer) {
            if (rows == null) {
                rows = new SalesLogRowPdf(family(SalesLogRowLayout.LATIN), family(SalesLogRowLayout.JAPANESE));
            }
            rows.draw(producer.getPdfContentByte(), row, element.getX() + getOffsetX(),
                    pageFormat.getPageHeight() - element.getY() - getOffsetY(), element.getHeight());
            return;
        }
        super.exportGenericElement(element);
    }

    private BaseFont family(String family) {
        Map<Attribute, Object> attributes = new HashMap<>();
        attributes.put(TextAttribute.FAMILY, family);
        attributes.put(TextAttribute.SIZE, SalesLogRowLayout.SIZE);
        attributes.put(TextAttribute.WEIGHT, TextAttribute.WEIGHT_REGULAR);
        attributes.put(TextAttribute.POSTURE, TextAttribute.POSTURE_REGULAR);
        return font(attributes, getLocale()).getBaseFont();
    }

    private record PlanKey(Object template, int width, int height, float textHeight, float leadingOffset,
                           float lineSpacingFactor) {
        static PlanKey of(JRTemplatePrintElement element, JRPrintText text) {
            return new PlanKey(element.getTemplate(), text.getWidth(), text.getHeight(), text.getTextHeight(),
                    text.getLeadingOffset(), text.getLineSpacingFactor());
        }
    }

    /**
     * Where a template's text goes, relative to its element (of one size): {@code left} and {@code right} from its x,
     * {@code baseline} below its top.
     */
    private record Plan(BaseFont font, float size, Color color, PdfTextAlignment alignment, float left, float right,
                        float baseline, Map<String, byte[]> shown) {
        /** Texts of a template whose showing is kept, at most: the detail's times, kinds and amounts repeat. */
        static final int SHOWN_TEXTS = 2_048;

        Plan(BaseFont font, float size, Color color, PdfTextAlignment alignment, float left, float right,
             float baseline) {
            this(font, size, color, alignment, left, right, baseline, new HashMap<>());
        }

        /**
         * Issue 13: shows the text as {@code showText} does, but a text this template showed before is written again
         * from the bytes it gave then (OpenPDF converts every text to glyph codes afresh, and its subset already has
         * the glyphs); the first showing of a text goes through {@code showText}, which records them.
         */
        private void show(PdfContentByte page, String content) {
            byte[] bytes = shown.get(content);
            com.lowagie.text.pdf.ByteBuffer buffer = page.getInternalBuffer();
            if (bytes != null) {
                buffer.append(bytes);
                return;
            }
            int start = buffer.size();
            page.showText(content);
            if (shown.size() < SHOWN_TEXTS) {
                byte[] all = buffer.getBuffer();
                shown.put(content, java.util.Arrays.copyOfRange(all, start, buffer.size()));
            }
        }

        boolean draw(PdfContentByte page, JRPrintText text, int offsetX, int offsetY, int pageHeight) {
            String content = text.getFullText();
            // the template's own look (mode, box, rotation, paragraph, markup) was checked when the plan was made;
            // what an element may have of its own is checked here
            if (content == null || content.isEmpty() || text.getTextTruncateIndex() != null
                    || text.getAnchorName() != null || text.getBookmarkLevel() != 0 || text.getLinkType() != null
                    || text.getHyperlinkType() != null && text.getHyperlinkType() != HyperlinkTypeEnum.NONE) {
                return false;
            }
            for (int i = 0; i < content.length(); i++) {
                char c = content.charAt(i);
                if (c <= ' ' && (c != ' ' || i == 0 || i == content.length() - 1) || c > '~') {
                    return false;
                }
            }
            float textWidth = font.getWidthPoint(content, size);
            if (textWidth > right - left) {
                return false;
            }
            float x = text.getX() + offsetX;
            float top = pageHeight - text.getY() - offsetY;
            float at = switch (alignment) {
                case RIGHT -> x + right - textWidth;
                case CENTER -> x + left + (right - left - textWidth) / 2;
                default -> x + left;
            };
            page.beginText();
            page.setFontAndSize(font, size);
            if (color != null) {
                page.setColorFill(color);
            }
            page.setTextMatrix(at, top - baseline);
            show(page, content);
            page.endText();
            page.resetRGBColorFill();
            return true;
        }
    }

    /** An element whose only drawing is its text: no background, border, link, anchor or rotation. */
    private static boolean eligible(JRPrintText text) {
        JRLineBox box = text.getLineBox();
        return text.getMode() != ModeEnum.OPAQUE && text.getRotation() == RotationEnum.NONE
                && text.getAnchorName() == null && text.getLinkType() == null && text.getBookmarkLevel() == 0
                && (text.getHyperlinkType() == null || text.getHyperlinkType() == HyperlinkTypeEnum.NONE)
                && noLine(box.getTopPen()) && noLine(box.getLeftPen()) && noLine(box.getBottomPen())
                && noLine(box.getRightPen()) && (text.getForecolor() == null || text.getForecolor().getAlpha() == 255)
                && plainParagraph(text.getParagraph()) && (text.getMarkup() == null || "none".equals(text.getMarkup()));
    }

    private static boolean noLine(JRPen pen) {
        return pen.getLineWidth() == null || pen.getLineWidth() <= 0f;
    }

    @Override
    protected AbstractPdfTextRenderer getTextRenderer(JRPrintText text, JRStyledText styledText) {
        AbstractPdfTextRenderer standard = super.getTextRenderer(text, styledText);
        if (standard.getClass() != SimplePdfTextRenderer.class || !(pdfProducer instanceof ClassicPdfProducer)
                || text.getRotation() != RotationEnum.NONE || !plainParagraph(text.getParagraph())) {
            return standard;
        }
        return new OneLine(this, text, styledText);
    }

    private static boolean plainParagraph(JRParagraph p) {
        return zero(p.getLeftIndent()) && zero(p.getRightIndent()) && zero(p.getFirstLineIndent())
                && zero(p.getSpacingBefore());
    }

    private static boolean zero(Integer value) {
        return value == null || value == 0;
    }

    private static final List<Attribute> STYLED = List.of(TextAttribute.UNDERLINE, TextAttribute.STRIKETHROUGH,
            TextAttribute.SUPERSCRIPT, TextAttribute.TRACKING, JRTextAttribute.HYPERLINK);

    private Font font(Map<Attribute, Object> attributes, java.util.Locale locale) {
        Font font = fonts.get(attributes);
        if (font == null) {
            font = ((ClassicPdfProducer) pdfProducer).getFont(attributes, locale);
            fonts.put(new HashMap<>(attributes), font);
        }
        return font;
    }

    /** Draws a plain one-line text itself; anything else it hands to the renderer it extends. */
    private static final class OneLine extends SimplePdfTextRenderer {
        private final OneLinePdfExporter exporter;

        OneLine(OneLinePdfExporter exporter, JRPrintText text, JRStyledText styledText) {
            super(exporter.getJasperReportsContext(),
                    exporter.createPdfTextRendererContext(text, styledText, exporter.getTextLocale(text)));
            this.exporter = exporter;
        }

        @Override
        public void render() {
            if (!drawn()) {
                super.render();
            }
        }

        private boolean drawn() {
            String content = allText;
            List<JRStyledText.Run> runs = styledText.getRuns();
            if (content == null || content.isEmpty() || runs.size() != 1 || runs.getFirst().startIndex != 0
                    || runs.getFirst().endIndex != content.length()) {
                return false;
            }
            for (int i = 0; i < content.length(); i++) {
                char c = content.charAt(i);
                if (c < ' ' || Character.isWhitespace(c) && (i == 0 || i == content.length() - 1)) {
                    return false; // line breaks and tabs; edge spaces ColumnText would trim
                }
            }
            char[] chars = content.toCharArray();
            if (Bidi.requiresBidi(chars, 0, chars.length)) {
                return false;
            }
            Map<Attribute, Object> attributes = runs.getFirst().attributes;
            for (Attribute styled : STYLED) {
                if (attributes.get(styled) != null) {
                    return false;
                }
            }
            if (horizontalAlignment == PdfTextAlignment.JUSTIFIED && justifyLastLine
                    || horizontalAlignment == PdfTextAlignment.JUSTIFIED_ALL) {
                return false;
            }
            Font font = exporter.font(attributes, styledText.getLocale());
            BaseFont base = font.getBaseFont();
            if (base == null) {
                return false;
            }
            float size = font.getSize();
            float left = x + leftPadding;
            float right = x + width - rightPadding;
            float textWidth = base.getWidthPoint(content, size);
            if (textWidth > right - left) {
                return false; // it would wrap
            }
            int pageHeight = exporter.pageFormat.getPageHeight();
            float top = pageHeight - y - topPadding - verticalAlignOffset - text.getLeadingOffset();
            float bottom = pageHeight - y - height + bottomPadding - (legacyTextMeasuringFix ? 1 : 0);
            float baseline = top - text.getLineSpacingFactor() * size;
            if (baseline < bottom) {
                return false; // ColumnText would not set a line that does not fit
            }
            float at = switch (horizontalAlignment) {
                case RIGHT -> right - textWidth;
                case CENTER -> left + (right - left - textWidth) / 2;
                default -> left;
            };
            PdfContentByte content0 = ((ClassicPdfProducer) pdfProducer).getPdfContentByte();
            content0.beginText();
            content0.setFontAndSize(base, size);
            Color color = font.getColor();
            if (color != null) {
                content0.setColorFill(color);
            }
            content0.setTextMatrix(at, baseline);
            content0.showText(content);
            content0.endText();
            if (text instanceof JRTemplatePrintElement element && eligible(text)
                    && content.chars().allMatch(c -> c >= ' ' && c <= '~')) {
                int elementTop = pageHeight - y;
                exporter.plans.putIfAbsent(PlanKey.of(element, text), new Plan(base, size, color,
                        horizontalAlignment, leftPadding, width - rightPadding, elementTop - baseline));
            }
            return true;
        }
    }
}
