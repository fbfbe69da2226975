package dev.tessera.reports.export;

import java.awt.Color;
import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Where a sales-log row's seven texts go, under the column header of {@code sales-log.jrxml} (x and width of each
 * column, relative to the row element), and in which font: the font set "Tessera Sans" in a row's size and colour,
 * DejaVu Sans for everything but Japanese scripts, IPAex Gothic for Han, Hiragana and Katakana. A text is set left to
 * right without bidi analysis, on one line, cut at the column's edge.
 */
final class SalesLogRowLayout {
    static final String LATIN = "DejaVu Sans";
    static final String JAPANESE = "IPAexGothic";
    static final float SIZE = 8.5f;
    static final Color COLOR = new Color(0x1F, 0x29, 0x33);
    static final List<Column> COLUMNS = List.of(
            new Column(16, 44, 4, 0, false),
            new Column(60, 50, 0, 0, false),
            new Column(110, 60, 0, 0, false),
            new Column(170, 130, 0, 0, false),
            new Column(300, 70, 0, 0, false),
            new Column(370, 60, 0, 0, true),
            new Column(430, 105, 0, 4, true));

    private SalesLogRowLayout() {}

    record Column(float x, float width, float leftPadding, float rightPadding, boolean alignRight) {
        float left() {
            return x + leftPadding;
        }

        float right() {
            return x + width - rightPadding;
        }
    }

    /** A stretch of a text in one font. */
    record Run(String text, boolean japanese) {}

    /**
     * The text split where the font changes; characters common to scripts (spaces, digits, punctuation) stay in the
     * run around them.
     */
    static List<Run> runs(String text) {
        List<Run> runs = new ArrayList<>(1);
        int start = 0;
        Boolean current = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            Boolean japanese = japanese(c);
            if (japanese != null && current != null && !japanese.equals(current)) {
                runs.add(new Run(text.substring(start, i), current));
                start = i;
            }
            if (japanese != null) {
                current = japanese;
            }
            i += Character.charCount(c);
        }
        if (start < text.length()) {
            runs.add(new Run(text.substring(start), current != null && current));
        }
        return runs;
    }

    /** True for Japanese scripts, false for other scripts, null for characters of no script of their own. */
    private static Boolean japanese(int c) {
        if (c < 0x80) {
            return Character.isLetter(c) ? Boolean.FALSE : null;
        }
        return switch (UnicodeScript.of(c)) {
            case HAN, HIRAGANA, KATAKANA -> Boolean.TRUE;
            case COMMON, INHERITED -> null;
            default -> Boolean.FALSE;
        };
    }

    /**
     * The runs of a text cut so their width (by {@code width} of a run's text and font) fits {@code room}: whole
     * runs while they fit, then as many characters of the next as fit.
     */
    static List<Run> fitted(List<Run> runs, float room, BiFunction<String, Boolean, Float> width) {
        float used = 0;
        List<Run> fitted = new ArrayList<>(runs.size());
        for (Run run : runs) {
            float w = width.apply(run.text(), run.japanese());
            if (used + w <= room) {
                fitted.add(run);
                used += w;
                continue;
            }
            String text = run.text();
            int end = text.length();
            while (end > 0 && used + width.apply(text.substring(0, end), run.japanese()) > room) {
                end = text.offsetByCodePoints(end, -1);
            }
            if (end > 0) {
                fitted.add(new Run(text.substring(0, end), run.japanese()));
            }
            break;
        }
        return fitted;
    }
}
