package dev.tessera.center.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.stream.Collectors;

/** The center's one JSON mapper: strict on input, ISO-8601 times on output. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static {
        // strict types: 1.5 is no price, "100" is no number, 7 is no name, true is no count
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean,
                LogicalType.Textual, LogicalType.Enum}) {
            MAPPER.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.Integer, type == LogicalType.Integer || type == LogicalType.Float
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, type == LogicalType.Float
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, type == LogicalType.Boolean
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, type == LogicalType.Textual || type == LogicalType.Enum
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, type == LogicalType.Textual
                            ? CoercionAction.TryConvert : CoercionAction.Fail);
        }
    }

    private Json() {}

    /** Reads the request body as {@code type}; any problem becomes a 400 that names where it is. */
    public static <T> T body(Context ctx, Class<T> type) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw ApiException.badRequest("the request needs a JSON body");
        }
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw ApiException.badRequest("the request body must be a JSON object, not null");
            }
            return value;
        } catch (IOException e) {
            throw ApiException.badRequest(describe(e));
        }
    }

    static String describe(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonParseException parse) {
                JsonLocation loc = parse.getLocation();
                String where = loc == null ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ": ";
                return where + "malformed JSON (" + firstLine(parse.getOriginalMessage()) + ")";
            }
        }
        if (e instanceof ValueInstantiationException vie && vie.getCause() instanceof IllegalArgumentException iae) {
            return at(vie) + iae.getMessage();
        }
        if (e instanceof UnrecognizedPropertyException upe) {
            return at(upe) + "unknown field \"" + upe.getPropertyName() + "\"";
        }
        if (e instanceof JsonMappingException jme) {
            return at(jme) + firstLine(jme.getOriginalMessage());
        }
        return "the request body could not be read";
    }

    private static String at(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("/"));
        return path.isEmpty() ? "" : "at /" + path + ": ";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable value";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        // Jackson names Java types in its messages; a client needs the JSON words.
        return line.replaceAll("`[a-zA-Z0-9_.$]+\\.([A-Za-z0-9_$]+)`", "$1")
                .replaceAll(" ?\\(start marker at \\[Source: [^]]*]\\)", "")
                .replaceAll(" ?at \\[Source: [^]]*]", "");
    }
}
