package dev.tessera.core.seatmap;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import java.io.IOException;

/**
 * Indents like a usual pretty printer, except that an object or array announced with
 * {@link #inlineNext()} is written on one line with everything inside it. A seat then takes one
 * line: a 100,000-seat file stays readable and diffs show one changed line per changed seat.
 *
 * <p>Stateful: one instance per document.
 */
final class LeafPerLinePrettyPrinter implements PrettyPrinter {
    private static final String INDENT = "  ";
    private static final int NOT_INLINE = Integer.MAX_VALUE;

    private int depth;
    private int inlineFromDepth = NOT_INLINE;
    private boolean inlineNext;

    /** Writes the next object or array, started by the generator's next call, on one line. */
    void inlineNext() {
        inlineNext = true;
    }

    @Override
    public void writeRootValueSeparator(JsonGenerator generator) throws IOException {
        generator.writeRaw('\n');
    }

    @Override
    public void writeStartObject(JsonGenerator generator) throws IOException {
        open(generator, '{');
    }

    @Override
    public void beforeObjectEntries(JsonGenerator generator) throws IOException {
        breakLine(generator, depth);
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator generator) throws IOException {
        generator.writeRaw(": ");
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator generator) throws IOException {
        generator.writeRaw(',');
        separate(generator);
    }

    @Override
    public void writeEndObject(JsonGenerator generator, int entries) throws IOException {
        close(generator, '}', entries);
    }

    @Override
    public void writeStartArray(JsonGenerator generator) throws IOException {
        open(generator, '[');
    }

    @Override
    public void beforeArrayValues(JsonGenerator generator) throws IOException {
        breakLine(generator, depth);
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator generator) throws IOException {
        generator.writeRaw(',');
        separate(generator);
    }

    @Override
    public void writeEndArray(JsonGenerator generator, int values) throws IOException {
        close(generator, ']', values);
    }

    private void open(JsonGenerator generator, char bracket) throws IOException {
        generator.writeRaw(bracket);
        depth++;
        if (inlineNext) {
            inlineNext = false;
            inlineFromDepth = Math.min(inlineFromDepth, depth);
        }
    }

    private void close(JsonGenerator generator, char bracket, int entries) throws IOException {
        if (entries > 0) {
            breakLine(generator, depth - 1);
        }
        generator.writeRaw(bracket);
        if (depth == inlineFromDepth) {
            inlineFromDepth = NOT_INLINE;
        }
        depth--;
    }

    private void separate(JsonGenerator generator) throws IOException {
        if (isInline()) {
            generator.writeRaw(' ');
        } else {
            breakLine(generator, depth);
        }
    }

    private void breakLine(JsonGenerator generator, int indentation) throws IOException {
        if (isInline()) {
            return;
        }
        generator.writeRaw('\n');
        for (int i = 0; i < indentation; i++) {
            generator.writeRaw(INDENT);
        }
    }

    private boolean isInline() {
        return depth >= inlineFromDepth;
    }
}
