package dev.tessera.designer.io;

import dev.tessera.core.seatmap.Category;
import dev.tessera.core.seatmap.SeatFlag;
import dev.tessera.designer.model.DesignArea;
import dev.tessera.designer.model.DesignGate;
import dev.tessera.designer.model.DesignRow;
import dev.tessera.designer.model.DesignSeat;
import dev.tessera.designer.model.DesignSection;
import dev.tessera.designer.model.PlanElement;
import dev.tessera.designer.model.PlanLabel;
import dev.tessera.designer.model.PlanTable;
import dev.tessera.designer.model.SeatDocument;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The plan as SVG in plan centimetres (1 user unit = 1 cm): one group per section with a circle
 * per seat (its id and label as attributes, for scripts), the stage, areas, tables, gates and
 * labels. Vector output, so it prints sharp at any size.
 */
public final class SvgExport {
    private SvgExport() {}

    public static void write(SeatDocument document, Writer out) throws IOException {
        double[] b = bounds(document);
        double margin = 100;
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.write(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"%.1f %.1f %.1f %.1f\" width=\"%.0fmm\" height=\"%.0fmm\">%n",
                b[0] - margin, b[1] - margin, b[2] - b[0] + 2 * margin, b[3] - b[1] + 2 * margin,
                (b[2] - b[0] + 2 * margin) / 10, (b[3] - b[1] + 2 * margin) / 10));
        out.write("<title>" + escape(document.name()) + "</title>\n");
        out.write(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#F7F8FA\"/>%n",
                b[0] - margin, b[1] - margin, b[2] - b[0] + 2 * margin, b[3] - b[1] + 2 * margin));
        Map<String, String> colors = new HashMap<>();
        for (Category c : document.categories()) {
            colors.put(c.id(), c.color());
        }
        document.stage().ifPresent(stage -> {
            try {
                out.write("<polygon class=\"stage\" fill=\"#37474F\" points=\"" + points(stage.corners()) + "\"/>\n");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        for (DesignArea area : document.areas()) {
            String color = colors.getOrDefault(area.categoryId(), "#9E9E9E");
            out.write("<polygon class=\"area\" id=\"" + escape(area.id()) + "\" fill=\"" + color
                    + "\" fill-opacity=\"0.28\" stroke=\"" + color + "\" stroke-width=\"4\" points=\""
                    + points(area.outlineArray()) + "\"><title>" + escape(area.name()) + " (" + area.capacity()
                    + ")</title></polygon>\n");
        }
        for (PlanTable table : document.tables()) {
            out.write(String.format(Locale.ROOT,
                    "<circle class=\"table\" cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"#D7CCC8\" stroke=\"#8D6E63\" stroke-width=\"3\"/>%n",
                    table.x(), table.y(), table.radius()));
        }
        double r = DesignSeat.DIAMETER / 2;
        for (DesignSection section : document.sections()) {
            out.write("<g class=\"section\" id=\"" + escape(section.id()) + "\">\n");
            for (DesignRow row : section.rows()) {
                for (DesignSeat seat : row.seats()) {
                    String color = colors.getOrDefault(seat.categoryId(), "#9E9E9E");
                    String opacity = seat.has(SeatFlag.NOT_FOR_SALE) ? " fill-opacity=\"0.35\"" : "";
                    out.write(String.format(Locale.ROOT,
                            "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"%s data-id=\"%s\" data-row=\"%s\" data-seat=\"%s\"/>%n",
                            seat.x(), seat.y(), r, color, opacity, escape(seat.id()), escape(row.label()),
                            escape(seat.label() == null ? "" : seat.label())));
                }
            }
            out.write("</g>\n");
        }
        for (DesignGate gate : document.gates()) {
            double s = DesignGate.SIZE / 2;
            out.write(String.format(Locale.ROOT,
                    "<rect class=\"gate\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#2E7D32\"><title>%s</title></rect>%n",
                    gate.x() - s, gate.y() - s, 2 * s, 2 * s, escape(gate.name())));
        }
        for (PlanLabel label : document.labels()) {
            out.write(String.format(Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.1f\" text-anchor=\"middle\" dominant-baseline=\"middle\" font-family=\"sans-serif\" font-weight=\"bold\" fill=\"#263238\">%s</text>%n",
                    label.x(), label.y(), label.size(), escape(label.text())));
        }
        out.write("</svg>\n");
        out.flush();
    }

    /** Everything on the plan, in centimetres: minX, minY, maxX, maxY. */
    public static double[] bounds(SeatDocument document) {
        List<PlanElement> elements = new ArrayList<>(document.seats());
        elements.addAll(document.areas());
        elements.addAll(document.gates());
        elements.addAll(document.labels());
        elements.addAll(document.tables());
        document.stage().ifPresent(elements::add);
        if (elements.isEmpty()) {
            return new double[] {-500, -500, 500, 500};
        }
        double[] all = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.NEGATIVE_INFINITY};
        for (PlanElement e : elements) {
            double[] eb = e.bounds();
            all[0] = Math.min(all[0], eb[0]);
            all[1] = Math.min(all[1], eb[1]);
            all[2] = Math.max(all[2], eb[2]);
            all[3] = Math.max(all[3], eb[3]);
        }
        return all;
    }

    private static String points(double[] xy) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < xy.length; i += 2) {
            if (i > 0) {
                s.append(' ');
            }
            s.append(String.format(Locale.ROOT, "%.1f,%.1f", xy[i], xy[i + 1]));
        }
        return s.toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
