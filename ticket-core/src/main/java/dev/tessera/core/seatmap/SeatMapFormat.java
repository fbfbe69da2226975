package dev.tessera.core.seatmap;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The seat-map file: versioned, strict JSON in UTF-8, described in {@code docs/seat-map-format.md}.
 * Reading rejects anything the format does not define, always with a {@link SeatMapFormatException}
 * that says where; writing is pretty-printed with a stable field order, one seat per line.
 */
public final class SeatMapFormat {
    /** The file name extension the desktop app offers. */
    public static final String FILE_EXTENSION = ".seatmap.json";

    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            // field names of a hostile file must not fill the JVM's string table
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .build();
    private static final int BYTE_ORDER_MARK = 0xFEFF;

    private SeatMapFormat() {}

    public static SeatMap read(String json) throws SeatMapFormatException {
        char[] text = json.toCharArray();
        return readText(text, text.length);
    }

    /** Reads the whole stream, which stays open; an I/O failure is reported as a SeatMapFormatException too. */
    public static SeatMap read(InputStream in) throws SeatMapFormatException {
        byte[] bytes;
        try {
            bytes = in.readAllBytes();
        } catch (IOException failure) {
            throw new SeatMapFormatException("could not read the seat map: " + failure.getMessage(), "", 0, 0, failure);
        }
        return read(bytes);
    }

    public static SeatMap read(Path file) throws SeatMapFormatException, IOException {
        return read(Files.readAllBytes(file));
    }

    /** Writes UTF-8 to the stream and flushes it; the stream stays open. */
    public static void write(SeatMap map, OutputStream out) throws IOException {
        try (JsonGenerator generator = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            SeatMapWriter.write(map, generator);
        }
    }

    public static String toJson(SeatMap map) {
        StringWriter json = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(json)) {
            SeatMapWriter.write(map, generator);
        } catch (IOException impossible) {
            throw new UncheckedIOException("writing to a string failed", impossible);
        }
        return json.toString();
    }

    private static SeatMap read(byte[] bytes) throws SeatMapFormatException {
        CharBuffer text = decodeUtf8(bytes);
        return readText(text.array(), text.limit());
    }

    private static SeatMap readText(char[] text, int length) throws SeatMapFormatException {
        if (length > 0 && text[0] == BYTE_ORDER_MARK) {
            // copied rather than offset, so that columns on the first line still count from 1
            char[] withoutMark = Arrays.copyOfRange(text, 1, length);
            return SeatMapReader.read(JSON, withoutMark, withoutMark.length);
        }
        return SeatMapReader.read(JSON, text, length);
    }

    /** Decoded here rather than by Jackson so that error columns count characters, as editors do. */
    private static CharBuffer decodeUtf8(byte[] bytes) throws SeatMapFormatException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // UTF-8 never decodes to more chars than it has bytes
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw notUtf8(bytes, in.position(), out);
        }
        return out.flip();
    }

    private static SeatMapFormatException notUtf8(byte[] bytes, int offset, CharBuffer decoded) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < decoded.position(); i++) {
            if (decoded.get(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = decoded.position() - lineStart + 1;
        String reason = offset < bytes.length
                ? String.format("the file is not UTF-8 text: byte 0x%02X at offset %d is not part of a valid character",
                        bytes[offset] & 0xFF, offset)
                : "the file is not UTF-8 text: it ends inside a character";
        return new SeatMapFormatException(reason, "", line, column, null);
    }
}
