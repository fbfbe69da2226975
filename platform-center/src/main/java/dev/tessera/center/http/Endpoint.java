package dev.tessera.center.http;

import com.fasterxml.jackson.databind.JavaType;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One operation of the center's API as the code serves it: method, path, the record its body is read into, the
 * record (or list of records) it answers with, its success status and the problem statuses it may answer with.
 * {@link CenterApi} registers every route from an {@code Endpoint} of {@link Endpoints}, reads the body and writes
 * the answer through it, so the table is the code's contract; {@code OpenApiContractTest} holds docs/openapi.json to it.
 *
 * @param <Q> the request body's type ({@link Void} for none)
 * @param <R> the response body's type ({@link Void} for none)
 */
public record Endpoint<Q, R>(String method, String path, Body<Q> request, Body<R> response, int status,
                             Set<Integer> problems, Set<Integer> alsoWithBody) {
    /**
     * @param problems the statuses the route answers with a problem document
     * @param alsoWithBody statuses other than {@code status} that answer with the same response body (a health check
     *     that is down)
     */
    public Endpoint {
        problems = java.util.Collections.unmodifiableSet(new TreeSet<>(problems));
        alsoWithBody = java.util.Collections.unmodifiableSet(new TreeSet<>(alsoWithBody));
    }

    public Endpoint(String method, String path, Body<Q> request, Body<R> response, int status, Set<Integer> problems) {
        this(method, path, request, response, status, problems, Set.of());
    }

    public String key() {
        return method + " " + path;
    }

    @Override
    public String toString() {
        return key();
    }

    /** What a route does with its request and gives back: typed by the endpoint, so a route cannot answer otherwise. */
    @FunctionalInterface
    public interface Handler<Q, R> {
        R handle(Context ctx, Q body) throws Exception;
    }

    /** The shape of a body. */
    public enum Kind {
        /** No body. */
        NONE,
        /** A JSON body read or written through {@link Json#MAPPER} as {@link Body#types()}{@code [0]}. */
        JSON,
        /** One of several JSON shapes ({@link Body#types()}), written through {@link Json#MAPPER}. */
        ONE_OF,
        /** A JSON document the route reads or writes itself, byte for byte (a seat map, the API description). */
        RAW,
        /** A Server-Sent Events stream, its events' data written through {@link Json#MAPPER} as {@link Body#types()}. */
        EVENT_STREAM
    }

    public record Body<T>(Kind kind, List<JavaType> types) {
        public static final Body<Void> NONE = new Body<>(Kind.NONE, List.of());
        public static final Body<Void> RAW = new Body<>(Kind.RAW, List.of());

        public static <T> Body<T> of(Class<T> type) {
            return new Body<>(Kind.JSON, List.of(Json.MAPPER.constructType(type)));
        }

        public static <E> Body<List<E>> listOf(Class<E> element) {
            return new Body<>(Kind.JSON, List.of(Json.MAPPER.getTypeFactory().constructCollectionType(List.class, element)));
        }

        /** A Server-Sent Events stream whose events carry these records as their data. */
        public static Body<Void> eventStream(Class<?>... events) {
            return new Body<>(Kind.EVENT_STREAM, java.util.Arrays.stream(events).map(Json.MAPPER::constructType).toList());
        }

        public static Body<Object> oneOf(Class<?>... types) {
            return new Body<>(Kind.ONE_OF, java.util.Arrays.stream(types).map(Json.MAPPER::constructType).toList());
        }

        @SuppressWarnings("unchecked")
        Class<T> rawClass() {
            return (Class<T>) types.getFirst().getRawClass();
        }
    }
}
