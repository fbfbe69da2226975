package dev.tessera.core.seatmap;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** Writes a seat map in the current format version, fields always in the same order. */
final class SeatMapWriter {
    // integral coordinates are written without ".0"; beyond 2^53 a double has no fraction to lose anyway
    private static final double LARGEST_EXACT_INTEGER = 0x1p53;

    private final JsonGenerator generator;
    private final LeafPerLinePrettyPrinter printer = new LeafPerLinePrettyPrinter();

    private SeatMapWriter(JsonGenerator generator) {
        this.generator = generator;
        generator.setPrettyPrinter(printer);
    }

    static void write(SeatMap map, JsonGenerator generator) throws IOException {
        new SeatMapWriter(generator).document(map);
        generator.writeRaw('\n');
        generator.flush();
    }

    private void document(SeatMap map) throws IOException {
        generator.writeStartObject();
        generator.writeStringField("format", SeatMapReader.FORMAT_NAME);
        generator.writeNumberField("formatVersion", SeatMap.CURRENT_FORMAT_VERSION);
        generator.writeStringField("name", map.name());
        generator.writeFieldName("focalPoint");
        point(map.focalPoint());

        generator.writeArrayFieldStart("categories");
        for (Category category : map.categories()) {
            printer.inlineNext();
            generator.writeStartObject();
            generator.writeStringField("id", category.id());
            generator.writeStringField("name", category.name());
            generator.writeStringField("color", category.color());
            generator.writeEndObject();
        }
        generator.writeEndArray();

        generator.writeArrayFieldStart("sections");
        for (Section section : map.sections()) {
            section(section);
        }
        generator.writeEndArray();

        generator.writeArrayFieldStart("areas");
        for (GeneralAdmissionArea area : map.areas()) {
            area(area);
        }
        generator.writeEndArray();

        generator.writeArrayFieldStart("gates");
        for (Gate gate : map.gates()) {
            printer.inlineNext();
            generator.writeStartObject();
            generator.writeStringField("id", gate.id());
            generator.writeStringField("name", gate.name());
            coordinates(gate.position().x(), gate.position().y());
            generator.writeEndObject();
        }
        generator.writeEndArray();
        generator.writeEndObject();
    }

    private void section(Section section) throws IOException {
        generator.writeStartObject();
        generator.writeStringField("id", section.id());
        generator.writeStringField("name", section.name());
        generator.writeArrayFieldStart("rows");
        for (Row row : section.rows()) {
            generator.writeStartObject();
            generator.writeStringField("id", row.id());
            generator.writeStringField("label", row.label());
            generator.writeArrayFieldStart("seats");
            for (Seat seat : row.seats()) {
                seat(seat);
            }
            generator.writeEndArray();
            generator.writeEndObject();
        }
        generator.writeEndArray();
        generator.writeEndObject();
    }

    private void seat(Seat seat) throws IOException {
        printer.inlineNext();
        generator.writeStartObject();
        generator.writeStringField("id", seat.id());
        generator.writeStringField("label", seat.label());
        coordinates(seat.x(), seat.y());
        generator.writeStringField("category", seat.categoryId());
        if (!seat.flags().isEmpty()) {
            generator.writeArrayFieldStart("flags");
            for (SeatFlag flag : seat.flags()) {
                generator.writeString(flag.name());
            }
            generator.writeEndArray();
        }
        generator.writeEndObject();
    }

    private void area(GeneralAdmissionArea area) throws IOException {
        generator.writeStartObject();
        generator.writeStringField("id", area.id());
        generator.writeStringField("name", area.name());
        generator.writeStringField("category", area.categoryId());
        generator.writeNumberField("capacity", area.capacity());
        generator.writeFieldName("outline");
        printer.inlineNext();
        generator.writeStartArray();
        for (Point point : area.outline()) {
            point(point);
        }
        generator.writeEndArray();
        generator.writeEndObject();
    }

    private void point(Point point) throws IOException {
        printer.inlineNext();
        generator.writeStartObject();
        coordinates(point.x(), point.y());
        generator.writeEndObject();
    }

    private void coordinates(double x, double y) throws IOException {
        generator.writeFieldName("x");
        number(x);
        generator.writeFieldName("y");
        number(y);
    }

    private void number(double value) throws IOException {
        if (value == Math.rint(value) && Math.abs(value) < LARGEST_EXACT_INTEGER) {
            generator.writeNumber((long) value);
        } else {
            generator.writeNumber(value);
        }
    }
}
