package dev.tessera.core.seatmap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads one seat-map document with Jackson's streaming parser, so that every error carries the
 * line and column of the offending token. Checks the rules of the model as it goes, with the
 * file's paths; the model's own constructors check them once more.
 */
final class SeatMapReader {
    static final String FORMAT_NAME = "tessera-seatmap";

    private static final Shape DOCUMENT = new Shape("a seat map",
            List.of("format", "formatVersion", "name", "focalPoint", "categories", "sections", "areas", "gates"),
            Set.of("areas", "gates"));
    private static final Shape POINT = new Shape("a point", List.of("x", "y"), Set.of());
    private static final Shape CATEGORY = new Shape("a category", List.of("id", "name", "color"), Set.of());
    private static final Shape SECTION = new Shape("a section", List.of("id", "name", "rows"), Set.of());
    private static final Shape ROW = new Shape("a row", List.of("id", "label", "seats"), Set.of());
    private static final Shape SEAT = new Shape("a seat",
            List.of("id", "label", "x", "y", "category", "flags"), Set.of("flags"));
    private static final Shape AREA = new Shape("an area",
            List.of("id", "name", "category", "capacity", "outline"), Set.of());
    private static final Shape GATE = new Shape("a gate", List.of("id", "name", "x", "y"), Set.of());

    private static final Pattern SOURCE_POSITION = Pattern.compile("\\[Source: [^;]*; line: (\\d+), column: (\\d+)]");
    private static final Map<String, SeatFlag> FLAGS = Arrays.stream(SeatFlag.values())
            .collect(Collectors.toUnmodifiableMap(SeatFlag::name, flag -> flag));

    private final JsonParser parser;
    private final JsonPointer pointer = new JsonPointer();
    private final Map<String, Category> categoriesById = new LinkedHashMap<>();
    private boolean categoriesRead;
    private final List<CategoryReference> unresolved = new ArrayList<>();
    private final IdRegistry categoryIds = new IdRegistry("category");
    private final IdRegistry sectionIds = new IdRegistry("section");
    private final IdRegistry rowIds = new IdRegistry("row");
    private final IdRegistry seatIds = new IdRegistry("seat");
    private final IdRegistry areaIds = new IdRegistry("area");
    private final IdRegistry gateIds = new IdRegistry("gate");

    private SeatMapReader(JsonParser parser) {
        this.parser = parser;
    }

    static SeatMap read(JsonFactory factory, char[] text, int length) throws SeatMapFormatException {
        try {
            return readDocument(factory, text, length);
        } catch (SeatMapFormatException problem) {
            // a newer or different file fails on its new fields first; say what it really is
            SeatMapFormatException header = headerProblem(factory, text, length);
            if (header == null || header.getMessage().equals(problem.getMessage())) {
                throw problem;
            }
            header.addSuppressed(problem);
            throw header;
        }
    }

    private static SeatMap readDocument(JsonFactory factory, char[] text, int length) throws SeatMapFormatException {
        JsonParser parser = null;
        SeatMapReader reader = null;
        try {
            parser = factory.createParser(text, 0, length);
            reader = new SeatMapReader(parser);
            return reader.document();
        } catch (JsonProcessingException malformed) {
            JsonLocation location = malformed.getLocation();
            if (location == null && parser != null) {
                location = parser.currentLocation();
            }
            String path = reader == null ? "" : reader.pointer.toString();
            throw problemAt(location, path, "malformed JSON: " + withoutSourceNames(malformed.getOriginalMessage()),
                    malformed);
        } catch (IOException unexpected) {
            // parsing from memory: Jackson reports every problem of the text as a JsonProcessingException
            throw new SeatMapFormatException("could not read the seat map: " + unexpected.getMessage(),
                    "", 0, 0, unexpected);
        } finally {
            closeQuietly(parser);
        }
    }

    private SeatMap document() throws IOException, SeatMapFormatException {
        if (parser.nextToken() == null) {
            throw problemAt(parser.currentLocation(), "", "the file is empty; a seat map is a JSON object", null);
        }
        ObjectCursor document = object(DOCUMENT);
        int formatVersion = 0;
        String name = null;
        Point focalPoint = null;
        List<Category> categories = List.of();
        List<Section> sections = List.of();
        List<GeneralAdmissionArea> areas = List.of();
        List<Gate> gates = List.of();
        while (document.next()) {
            switch (document.field()) {
                case "format" -> format();
                case "formatVersion" -> formatVersion = formatVersion();
                case "name" -> name = text(Rules.MAX_NAME_LENGTH);
                case "focalPoint" -> focalPoint = point();
                case "categories" -> {
                    categories = array(this::category);
                    categoriesRead = true;
                    resolveEarlierCategoryReferences();
                }
                case "sections" -> sections = array(this::section);
                case "areas" -> areas = array(this::area);
                case "gates" -> gates = array(this::gate);
                default -> throw document.unhandled();
            }
        }
        if (parser.nextToken() != null) {
            throw problem("unexpected content after the end of the seat map");
        }
        try {
            return new SeatMap(formatVersion, name, focalPoint, categories, sections, areas, gates);
        } catch (IllegalArgumentException invalid) {
            throw document.invalid(invalid);
        }
    }

    private void format() throws IOException, SeatMapFormatException {
        String format = string();
        if (!FORMAT_NAME.equals(format)) {
            throw problem(notASeatMap(format));
        }
    }

    private int formatVersion() throws IOException, SeatMapFormatException {
        if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT
                && (parser.getNumberType() != JsonParser.NumberType.INT
                        || parser.getIntValue() > SeatMap.CURRENT_FORMAT_VERSION)) {
            throw problem(newerVersion(parser.getText()));
        }
        int version = integer();
        if (version < 1) {
            throw problem("formatVersion must be 1 or more, was " + version);
        }
        return version;
    }

    private Point point() throws IOException, SeatMapFormatException {
        ObjectCursor point = object(POINT);
        double x = 0;
        double y = 0;
        while (point.next()) {
            switch (point.field()) {
                case "x" -> x = number();
                case "y" -> y = number();
                default -> throw point.unhandled();
            }
        }
        try {
            return new Point(x, y);
        } catch (IllegalArgumentException invalid) {
            throw point.invalid(invalid);
        }
    }

    private Category category() throws IOException, SeatMapFormatException {
        ObjectCursor category = object(CATEGORY);
        String id = null;
        String name = null;
        String color = null;
        while (category.next()) {
            switch (category.field()) {
                case "id" -> id = uniqueId(categoryIds);
                case "name" -> name = text(Rules.MAX_NAME_LENGTH);
                case "color" -> color = color();
                default -> throw category.unhandled();
            }
        }
        try {
            Category result = new Category(id, name, color);
            categoriesById.put(id, result);
            return result;
        } catch (IllegalArgumentException invalid) {
            throw category.invalid(invalid);
        }
    }

    private Section section() throws IOException, SeatMapFormatException {
        ObjectCursor section = object(SECTION);
        String id = null;
        String name = null;
        List<Row> rows = null;
        while (section.next()) {
            switch (section.field()) {
                case "id" -> id = uniqueId(sectionIds);
                case "name" -> name = text(Rules.MAX_NAME_LENGTH);
                case "rows" -> rows = array(this::row);
                default -> throw section.unhandled();
            }
        }
        try {
            return new Section(id, name, rows);
        } catch (IllegalArgumentException invalid) {
            throw section.invalid(invalid);
        }
    }

    private Row row() throws IOException, SeatMapFormatException {
        ObjectCursor row = object(ROW);
        String id = null;
        String label = null;
        List<Seat> seats = null;
        while (row.next()) {
            switch (row.field()) {
                case "id" -> id = uniqueId(rowIds);
                case "label" -> label = text(Rules.MAX_LABEL_LENGTH);
                case "seats" -> seats = array(this::seat);
                default -> throw row.unhandled();
            }
        }
        try {
            return new Row(id, label, seats);
        } catch (IllegalArgumentException invalid) {
            throw row.invalid(invalid);
        }
    }

    private Seat seat() throws IOException, SeatMapFormatException {
        ObjectCursor seat = object(SEAT);
        String id = null;
        String label = null;
        double x = 0;
        double y = 0;
        String category = null;
        Set<SeatFlag> flags = Set.of();
        while (seat.next()) {
            switch (seat.field()) {
                case "id" -> id = placeId(seatIds, areaIds);
                case "label" -> label = text(Rules.MAX_LABEL_LENGTH);
                case "x" -> x = number();
                case "y" -> y = number();
                case "category" -> category = categoryReference();
                case "flags" -> flags = flags();
                default -> throw seat.unhandled();
            }
        }
        try {
            return new Seat(id, label, x, y, category, flags);
        } catch (IllegalArgumentException invalid) {
            throw seat.invalid(invalid);
        }
    }

    private GeneralAdmissionArea area() throws IOException, SeatMapFormatException {
        ObjectCursor area = object(AREA);
        String id = null;
        String name = null;
        String category = null;
        int capacity = 0;
        List<Point> outline = null;
        while (area.next()) {
            switch (area.field()) {
                case "id" -> id = placeId(areaIds, seatIds);
                case "name" -> name = text(Rules.MAX_NAME_LENGTH);
                case "category" -> category = categoryReference();
                case "capacity" -> capacity = capacity();
                case "outline" -> outline = outline();
                default -> throw area.unhandled();
            }
        }
        try {
            return new GeneralAdmissionArea(id, name, category, capacity, outline);
        } catch (IllegalArgumentException invalid) {
            throw area.invalid(invalid);
        }
    }

    private Gate gate() throws IOException, SeatMapFormatException {
        ObjectCursor gate = object(GATE);
        String id = null;
        String name = null;
        double x = 0;
        double y = 0;
        while (gate.next()) {
            switch (gate.field()) {
                case "id" -> id = uniqueId(gateIds);
                case "name" -> name = text(Rules.MAX_NAME_LENGTH);
                case "x" -> x = number();
                case "y" -> y = number();
                default -> throw gate.unhandled();
            }
        }
        try {
            return new Gate(id, name, new Point(x, y));
        } catch (IllegalArgumentException invalid) {
            throw gate.invalid(invalid);
        }
    }

    private Set<SeatFlag> flags() throws IOException, SeatMapFormatException {
        EnumSet<SeatFlag> flags = EnumSet.noneOf(SeatFlag.class);
        array(() -> {
            String name = string();
            SeatFlag flag = FLAGS.get(name);
            if (flag == null) {
                throw problem("unknown flag " + Rules.quote(name) + "; the flags are: "
                        + String.join(", ", FLAGS.keySet().stream().sorted().toList()));
            }
            if (!flags.add(flag)) {
                throw problem("duplicate flag " + flag);
            }
            return flag;
        });
        return flags.isEmpty() ? Set.of() : Collections.unmodifiableSet(flags);
    }

    private int capacity() throws IOException, SeatMapFormatException {
        if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT
                && parser.getNumberType() != JsonParser.NumberType.INT) {
            throw problem("capacity " + Rules.CAPACITY_RULE + ", was " + parser.getText());
        }
        int capacity = integer();
        check("capacity ", Rules.checkCapacity(capacity));
        return capacity;
    }

    private List<Point> outline() throws IOException, SeatMapFormatException {
        JsonLocation start = parser.currentTokenLocation();
        List<Point> outline = array(this::point);
        String problem = Rules.checkOutline(outline.size());
        if (problem != null) {
            throw problemAt(start, pointer.toString(), "outline " + problem, null);
        }
        return outline;
    }

    private String categoryReference() throws IOException, SeatMapFormatException {
        String id = id();
        if (categoriesRead) {
            if (!categoriesById.containsKey(id)) {
                throw problem(unknownCategory(id));
            }
        } else {
            unresolved.add(new CategoryReference(id, pointer.toString(), parser.currentTokenLocation()));
        }
        return id;
    }

    /** Seats and areas that came before the categories in the file. */
    private void resolveEarlierCategoryReferences() throws SeatMapFormatException {
        for (CategoryReference reference : unresolved) {
            if (!categoriesById.containsKey(reference.id())) {
                throw problemAt(reference.location(), reference.path(), unknownCategory(reference.id()), null);
            }
        }
        unresolved.clear();
    }

    private String unknownCategory(String id) {
        return "unknown category " + Rules.quote(id) + "; declared categories are: "
                + SeatMap.declaredCategories(categoriesById.keySet());
    }

    private String uniqueId(IdRegistry registry) throws IOException, SeatMapFormatException {
        String id = id();
        int line = parser.currentTokenLocation().getLineNr();
        Integer earlier = registry.claim(id, line);
        if (earlier != null) {
            throw problem("duplicate " + registry.kind() + " id " + Rules.quote(id) + "; first used on line " + earlier);
        }
        return id;
    }

    /** Seat and area ids share one namespace: a ticket names its place by either. */
    private String placeId(IdRegistry registry, IdRegistry other) throws IOException, SeatMapFormatException {
        String id = uniqueId(registry);
        Integer otherLine = other.lineOf(id);
        if (otherLine != null) {
            throw problem(registry.kind() + " id " + Rules.quote(id) + " is already the id of the " + other.kind()
                    + " on line " + otherLine + "; seats and areas share one set of ids");
        }
        return id;
    }

    private String id() throws IOException, SeatMapFormatException {
        String id = string();
        check("", Rules.checkId(id));
        return id;
    }

    private String text(int maxLength) throws IOException, SeatMapFormatException {
        String text = string();
        check(parser.currentName() + " ", Rules.checkText(text, maxLength));
        return text;
    }

    private String color() throws IOException, SeatMapFormatException {
        String color = string();
        check("", Rules.checkColor(color));
        return color;
    }

    private String string() throws IOException, SeatMapFormatException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw wrongType("a string");
        }
        return parser.getText();
    }

    private double number() throws IOException, SeatMapFormatException {
        JsonToken token = parser.currentToken();
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            throw wrongType("a number");
        }
        double value = parser.getDoubleValue();
        if (!Double.isFinite(value)) {
            throw problem("the number " + parser.getText() + " is too large");
        }
        return value;
    }

    private int integer() throws IOException, SeatMapFormatException {
        JsonToken token = parser.currentToken();
        if (token != JsonToken.VALUE_NUMBER_INT) {
            throw wrongType(token == JsonToken.VALUE_NUMBER_FLOAT ? "a whole number" : "a number");
        }
        if (parser.getNumberType() != JsonParser.NumberType.INT) {
            throw problem("the number " + parser.getText() + " is too large");
        }
        return parser.getIntValue();
    }

    private <T> List<T> array(ElementReader<T> element) throws IOException, SeatMapFormatException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw wrongType("an array");
        }
        List<T> list = new ArrayList<>();
        for (int index = 0; parser.nextToken() != JsonToken.END_ARRAY; index++) {
            pointer.push(index);
            list.add(element.read());
            pointer.pop();
        }
        return list;
    }

    private ObjectCursor object(Shape shape) throws SeatMapFormatException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw wrongType("an object (" + shape.kind() + ")");
        }
        return new ObjectCursor(shape, parser.currentTokenLocation());
    }

    private void check(String prefix, String problem) throws SeatMapFormatException {
        if (problem != null) {
            throw problem(prefix + problem);
        }
    }

    private SeatMapFormatException wrongType(String expected) {
        return problem("expected " + expected + ", found " + describeCurrentToken());
    }

    private String describeCurrentToken() {
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> String.valueOf(token);
        };
    }

    /** A problem at the current token. */
    private SeatMapFormatException problem(String reason) {
        return problemAt(parser.currentTokenLocation(), pointer.toString(), reason, null);
    }

    private static SeatMapFormatException problemAt(JsonLocation location, String path, String reason, Throwable cause) {
        int line = location == null ? 0 : Math.max(location.getLineNr(), 0);
        int column = location == null ? 0 : Math.max(location.getColumnNr(), 0);
        return new SeatMapFormatException(reason, path, line, column, cause);
    }

    /** Jackson names an earlier position as "[Source: …; line: 3, column: 5]"; we say "line 3, column 5". */
    private static String withoutSourceNames(String message) {
        return message == null ? "" : SOURCE_POSITION.matcher(message).replaceAll("line $1, column $2");
    }

    private static String notASeatMap(String format) {
        return "not a Tessera seat map: \"format\" is " + Rules.quote(format) + ", expected \"" + FORMAT_NAME + "\"";
    }

    private static String newerVersion(String version) {
        return "this file was written by a newer Tessera (format " + version + "); this version reads format "
                + SeatMap.CURRENT_FORMAT_VERSION;
    }

    /**
     * Looks only at the top-level "format" and "formatVersion" fields, for a file that failed to read:
     * an error about a field this version does not know is less useful than "this file is newer".
     */
    private static SeatMapFormatException headerProblem(JsonFactory factory, char[] text, int length) {
        try (JsonParser parser = factory.createParser(text, 0, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("formatVersion") && value == JsonToken.VALUE_NUMBER_INT
                        && (parser.getNumberType() != JsonParser.NumberType.INT
                                || parser.getIntValue() > SeatMap.CURRENT_FORMAT_VERSION)) {
                    return problemAt(parser.currentTokenLocation(), "/formatVersion", newerVersion(parser.getText()), null);
                }
                if (field.equals("format") && value == JsonToken.VALUE_STRING && !FORMAT_NAME.equals(parser.getText())) {
                    return problemAt(parser.currentTokenLocation(), "/format", notASeatMap(parser.getText()), null);
                }
                parser.skipChildren();
            }
        } catch (IOException unreadable) {
            // the scan is a second opinion on a file that already failed; the first error stands
        }
        return null;
    }

    private static void closeQuietly(JsonParser parser) {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException ignored) {
                // an in-memory source has nothing to release
            }
        }
    }

    @FunctionalInterface
    private interface ElementReader<T> {
        T read() throws IOException, SeatMapFormatException;
    }

    private record CategoryReference(String id, String path, JsonLocation location) {}

    /** The fields an object of the format may have; all are required but the optional ones. */
    private record Shape(String kind, List<String> fields, Set<String> optional) {
        int indexOf(String field) {
            return fields.indexOf(field);
        }

        String fieldList() {
            return String.join(", ", fields);
        }
    }

    /** Ids of one kind with the line each was first used on. */
    private static final class IdRegistry {
        private final String kind;
        private final Map<String, Integer> lines = new HashMap<>();

        IdRegistry(String kind) {
            this.kind = kind;
        }

        String kind() {
            return kind;
        }

        /** @return the line of the earlier use, or null when the id is new */
        Integer claim(String id, int line) {
            return lines.putIfAbsent(id, line);
        }

        Integer lineOf(String id) {
            return lines.get(id);
        }
    }

    /**
     * Walks the fields of one JSON object: rejects unknown and repeated fields, keeps the pointer on
     * the current field and, at the end, reports missing required fields at the object's start.
     */
    private final class ObjectCursor {
        private final Shape shape;
        private final JsonLocation start;
        private long seen;
        private String field;

        ObjectCursor(Shape shape, JsonLocation start) {
            this.shape = shape;
            this.start = start;
        }

        /** Moves to the next field's value; false at the end of the object. */
        boolean next() throws IOException, SeatMapFormatException {
            if (field != null) {
                pointer.pop();
                field = null;
            }
            if (parser.nextToken() == JsonToken.END_OBJECT) {
                requireAllFields();
                return false;
            }
            String name = parser.currentName();
            int index = shape.indexOf(name);
            if (index < 0) {
                throw problemAt(parser.currentTokenLocation(), pointer + "/" + escape(name),
                        "unknown field " + Rules.quote(name) + "; " + shape.kind() + " has the fields: "
                                + shape.fieldList(), null);
            }
            long bit = 1L << index;
            if ((seen & bit) != 0) {
                throw problemAt(parser.currentTokenLocation(), pointer + "/" + escape(name),
                        "duplicate field " + Rules.quote(name), null);
            }
            seen |= bit;
            field = name;
            pointer.push(name);
            parser.nextToken();
            return true;
        }

        String field() {
            return field;
        }

        /** A model rule broken by the object as a whole, reported at its start. */
        SeatMapFormatException invalid(IllegalArgumentException invalid) {
            return problemAt(start, pointer.toString(), invalid.getMessage(), invalid);
        }

        IllegalStateException unhandled() {
            return new IllegalStateException("field " + field + " of " + shape.kind() + " is not read");
        }

        private void requireAllFields() throws SeatMapFormatException {
            for (int i = 0; i < shape.fields().size(); i++) {
                String name = shape.fields().get(i);
                if ((seen & (1L << i)) == 0 && !shape.optional().contains(name)) {
                    throw problemAt(start, pointer.toString(), "missing required field " + Rules.quote(name)
                            + "; " + shape.kind() + " has the fields: " + shape.fieldList(), null);
                }
            }
        }

        private static String escape(String name) {
            return name.replace("~", "~0").replace("/", "~1");
        }
    }
}
