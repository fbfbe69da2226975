package dev.tessera.designer.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tessera.core.seatmap.Point;
import dev.tessera.designer.model.BackgroundImage;
import dev.tessera.designer.model.DesignSection;
import dev.tessera.designer.model.PlanLabel;
import dev.tessera.designer.model.PlanTable;
import dev.tessera.designer.model.SeatDocument;
import dev.tessera.designer.model.StageShape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The designer's layout file, saved beside the seat map as {@code NAME.layout.json}: labels,
 * tables, the stage outline, the sections' drawn outlines and the background image, which counters
 * and gates do not need and which the strict seat-map format therefore does not carry. Documented in
 * {@code docs/seat-designer.md}.
 */
public final class LayoutFormat {
    public static final String FORMAT = "tessera-designer-layout";
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What a layout file holds; sectionOutlines: the outline drawn around a section, by section id. */
    public record Layout(List<PlanLabel> labels, List<PlanTable> tables, StageShape stage, BackgroundImage background,
                         Map<String, List<Point>> sectionOutlines) {
        public boolean isEmpty() {
            return labels.isEmpty() && tables.isEmpty() && stage == null && background == null
                    && sectionOutlines.isEmpty();
        }
    }

    private LayoutFormat() {}

    public static Layout of(SeatDocument document) {
        Map<String, List<Point>> outlines = new LinkedHashMap<>();
        for (DesignSection section : document.sections()) {
            if (!section.outline().isEmpty()) {
                outlines.put(section.id(), section.outline());
            }
        }
        return new Layout(document.labels(), document.tables(), document.stage().orElse(null),
                document.background().orElse(null), outlines);
    }

    public static byte[] write(Layout layout) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", VERSION);
        ArrayNode labels = root.putArray("labels");
        for (PlanLabel label : layout.labels()) {
            labels.addObject().put("text", label.text()).put("x", label.x()).put("y", label.y()).put("size", label.size());
        }
        ArrayNode tables = root.putArray("tables");
        for (PlanTable table : layout.tables()) {
            tables.addObject().put("x", table.x()).put("y", table.y()).put("radius", table.radius());
        }
        if (layout.stage() != null) {
            ArrayNode corners = root.putArray("stage");
            for (double c : layout.stage().corners()) {
                corners.add(c);
            }
        }
        ArrayNode sections = root.putArray("sectionOutlines");
        layout.sectionOutlines().forEach((id, outline) -> {
            ArrayNode corners = sections.addObject().put("sectionId", id).putArray("outline");
            for (Point p : outline) {
                corners.add(p.x()).add(p.y());
            }
        });
        if (layout.background() != null) {
            BackgroundImage b = layout.background();
            root.putObject("background").put("location", b.location()).put("x", b.x()).put("y", b.y())
                    .put("centimetresPerPixel", b.centimetresPerPixel()).put("opacity", b.opacity());
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a layout tree always serializes", impossible);
        }
    }

    /** Reads a layout file; anything malformed is an IllegalArgumentException naming the problem. */
    public static Layout read(byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (java.io.IOException malformed) {
            throw new IllegalArgumentException("the layout file is not JSON: " + malformed.getMessage(), malformed);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException("not a Tessera designer layout (\"format\" is not \"" + FORMAT + "\")");
        }
        if (root.path("formatVersion").asInt(0) > VERSION) {
            throw new IllegalArgumentException("the layout was written by a newer Tessera (format "
                    + root.path("formatVersion").asInt() + ")");
        }
        List<PlanLabel> labels = new ArrayList<>();
        for (JsonNode n : root.path("labels")) {
            labels.add(new PlanLabel(n.path("text").asText(), number(n, "x"), number(n, "y"), number(n, "size")));
        }
        List<PlanTable> tables = new ArrayList<>();
        for (JsonNode n : root.path("tables")) {
            tables.add(new PlanTable(number(n, "x"), number(n, "y"), number(n, "radius")));
        }
        StageShape stage = null;
        JsonNode corners = root.path("stage");
        if (corners.isArray() && corners.size() == 8) {
            stage = new StageShape(0, 0, 1, 1);
            double[] c = new double[8];
            for (int i = 0; i < 8; i++) {
                c[i] = corners.get(i).asDouble();
            }
            stage.restoreGeometry(c);
        }
        BackgroundImage background = null;
        JsonNode b = root.path("background");
        if (b.isObject()) {
            background = new BackgroundImage(b.path("location").asText(), number(b, "x"), number(b, "y"),
                    number(b, "centimetresPerPixel"), number(b, "opacity"));
        }
        Map<String, List<Point>> outlines = new LinkedHashMap<>();
        for (JsonNode n : root.path("sectionOutlines")) {
            JsonNode c = n.path("outline");
            if (!c.isArray() || c.size() < 6 || c.size() % 2 != 0) {
                throw new IllegalArgumentException("a section outline is x, y pairs of three corners at least");
            }
            List<Point> outline = new ArrayList<>();
            for (int i = 0; i < c.size(); i += 2) {
                outline.add(new Point(c.get(i).asDouble(), c.get(i + 1).asDouble()));
            }
            outlines.put(n.path("sectionId").asText(), List.copyOf(outline));
        }
        return new Layout(labels, tables, stage, background, outlines);
    }

    private static double number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a number");
        }
        return value.asDouble();
    }
}
