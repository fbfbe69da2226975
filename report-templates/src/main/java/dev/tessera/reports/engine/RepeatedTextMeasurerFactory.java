package dev.tessera.reports.engine;

import java.util.HashMap;
import java.util.Map;
import net.sf.jasperreports.engine.JRCommonText;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.fill.JRMeasuredText;
import net.sf.jasperreports.engine.fill.JRTextMeasurer;
import net.sf.jasperreports.engine.fill.TextMeasurer;
import net.sf.jasperreports.engine.fonts.FontUtil;
import net.sf.jasperreports.engine.util.JRStyledText;
import net.sf.jasperreports.engine.util.JRTextMeasurerFactory;

/**
 * Jasper's text measurer, remembering what it measured: a detail row of the sales log repeats the same few texts
 * (a time, a kind, a category, an amount) on tens of thousands of rows, and the fill measured each of them again
 * (issue 13: the fill's largest cost). A text is measured once per element and shape, and the same answer serves
 * it again. The shape is the text with every ASCII digit as {@code 0}, so sale numbers of one length share a
 * measure, but only for a font whose ten digits are equally wide (checked once per font; otherwise the text itself
 * is the key). Named per element by {@value #PROPERTY} in the templates; the answer is Jasper's own, so the print
 * is the same as without it.
 */
public final class RepeatedTextMeasurerFactory implements JRTextMeasurerFactory {
    /** Jasper's per-element property naming the measurer factory. */
    public static final String PROPERTY = "net.sf.jasperreports.text.measurer.factory";
    /** An element's remembered texts at most (a column of free text must not grow without end). */
    static final int REMEMBERED = 4_096;

    @Override
    public JRTextMeasurer createMeasurer(JasperReportsContext context, JRCommonText element) {
        return new Remembering(new TextMeasurer(context, element), TabularDigits.of(element));
    }

    @Override
    public JRTextMeasurer createMeasurer(FontUtil fontUtil, JRCommonText element) {
        return new Remembering(new TextMeasurer(fontUtil, element), TabularDigits.of(element));
    }

    private record Key(String shape, int availableStretchHeight, boolean indentFirstLine, boolean canOverflow) {}

    /** A measure copied out of Jasper's measurer, which answers with its own mutable state. */
    private record Measured(float leadingOffset, float lineSpacingFactor, float textWidth, float averageCharWidth,
                            float textHeight, int textOffset, boolean leftToRight, boolean paragraphCut,
                            String textSuffix, short[] lineBreakOffsets) implements JRMeasuredText {
        static Measured of(JRMeasuredText m) {
            short[] breaks = m.getLineBreakOffsets();
            return new Measured(m.getLeadingOffset(), m.getLineSpacingFactor(), m.getTextWidth(),
                    m.getAverageCharWidth(), m.getTextHeight(), m.getTextOffset(), m.isLeftToRight(),
                    m.isParagraphCut(), m.getTextSuffix(), breaks == null ? null : breaks.clone());
        }

        @Override
        public float getLeadingOffset() {
            return leadingOffset;
        }

        @Override
        public float getLineSpacingFactor() {
            return lineSpacingFactor;
        }

        @Override
        public float getTextWidth() {
            return textWidth;
        }

        @Override
        public float getAverageCharWidth() {
            return averageCharWidth;
        }

        @Override
        public float getTextHeight() {
            return textHeight;
        }

        @Override
        public int getTextOffset() {
            return textOffset;
        }

        @Override
        public boolean isLeftToRight() {
            return leftToRight;
        }

        @Override
        public boolean isParagraphCut() {
            return paragraphCut;
        }

        @Override
        public String getTextSuffix() {
            return textSuffix;
        }

        @Override
        public short[] getLineBreakOffsets() {
            return lineBreakOffsets == null ? null : lineBreakOffsets.clone();
        }
    }

    private static final class Remembering implements JRTextMeasurer {
        private final JRTextMeasurer measurer;
        private final boolean tabularDigits;
        private final Map<Key, Measured> measured = new HashMap<>();

        Remembering(JRTextMeasurer measurer, boolean tabularDigits) {
            this.measurer = measurer;
            this.tabularDigits = tabularDigits;
        }

        @Override
        public JRMeasuredText measure(JRStyledText text, int remainingTextStart, int availableStretchHeight,
                                      boolean indentFirstLine, boolean canOverflow) {
            if (remainingTextStart != 0) {
                return measurer.measure(text, remainingTextStart, availableStretchHeight, indentFirstLine, canOverflow);
            }
            Key key = new Key(tabularDigits ? shape(text.getText()) : text.getText(), availableStretchHeight,
                    indentFirstLine, canOverflow);
            Measured known = measured.get(key);
            if (known != null) {
                return known;
            }
            Measured fresh = Measured.of(measurer.measure(text, remainingTextStart, availableStretchHeight,
                    indentFirstLine, canOverflow));
            if (measured.size() < REMEMBERED) {
                measured.put(key, fresh);
            }
            return fresh;
        }

        private static String shape(String text) {
            char[] chars = null;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c > '0' && c <= '9') {
                    if (chars == null) {
                        chars = text.toCharArray();
                    }
                    chars[i] = '0';
                }
            }
            return chars == null ? text : new String(chars);
        }
    }

    /** Whether the element's font draws 0 to 9 equally wide, so that a digit's width never depends on which. */
    static final class TabularDigits {
        private static final Map<String, Boolean> BY_FONT = new java.util.concurrent.ConcurrentHashMap<>();

        private TabularDigits() {}

        static boolean of(JRCommonText element) {
            if (!(element instanceof net.sf.jasperreports.engine.JRFont font)) {
                return false;
            }
            String name = font.getFontName();
            if (!"DejaVu Sans".equals(name) && !"Tessera Sans".equals(name)) {
                return false; // Tessera Sans draws digits with DejaVu Sans; another font is not known to us
            }
            return BY_FONT.computeIfAbsent("DejaVu Sans", k -> {
                java.awt.Font awt = FontUtil.getInstance(Jasper.context())
                        .getAwtFontFromBundles(k, java.awt.Font.PLAIN, 10f, java.util.Locale.ROOT, true);
                if (awt == null) {
                    return false;
                }
                var context = new java.awt.font.FontRenderContext(null, true, true);
                double zero = awt.getStringBounds("0", context).getWidth();
                for (char c = '1'; c <= '9'; c++) {
                    if (awt.getStringBounds(String.valueOf(c), context).getWidth() != zero) {
                        return false;
                    }
                }
                return true;
            });
        }
    }
}
