package dev.tessera.center.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.tessera.center.CenterConfig;
import dev.tessera.center.http.CenterApi;
import dev.tessera.center.http.CenterRole;
import dev.tessera.center.http.Endpoint;
import dev.tessera.center.http.Endpoints;
import dev.tessera.center.http.Json;
import dev.tessera.contract.problem.Problem;
import dev.tessera.center.security.CenterRoutes;
import dev.tessera.center.support.ApiClient;
import dev.tessera.center.support.CenterFixture;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/openapi.json is the contract an independent client is written from: it must say exactly what the code does.
 * The routes the running center registers, the records {@link Endpoints} reads and writes for each (as the center's own
 * {@link Json#MAPPER} introspects them: property names, JSON types, number formats, enum values, list items, map
 * values) and each route's statuses are compared with the document both ways; every difference is listed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiContractTest {
    private static final String REF = "#/components/schemas/";

    @TempDir
    static Path dir;

    private CenterFixture fx;
    private JsonNode doc;
    /** Schema and type pairs compared already: a schema several routes share is reported once. */
    private final Set<String> visited = new HashSet<>();

    @BeforeAll
    void start() throws IOException {
        fx = new CenterFixture(CenterConfig.h2FileUrl(dir.resolve("center")), "tessera");
        try (InputStream in = CenterApi.class.getResourceAsStream("/openapi.json")) {
            doc = Json.MAPPER.readTree(in);
        }
    }

    @AfterAll
    void stop() {
        fx.closeCheckingTheLedger();
    }

    @Test
    void every_served_route_is_in_the_table_and_the_document_and_nothing_else_is() {
        Set<String> served = CenterRoutes.served(fx.center);
        Set<String> documented = new TreeSet<>();
        CenterRoutes.documented().forEach(r -> documented.add(r.key()));
        Set<String> table = new TreeSet<>();
        Endpoints.ALL.forEach(e -> table.add(e.key()));
        List<String> diffs = new ArrayList<>();
        served.stream().filter(r -> !documented.contains(r)).forEach(r -> diffs.add(r + ": served, not documented"));
        documented.stream().filter(r -> !served.contains(r)).forEach(r -> diffs.add(r + ": documented, not served"));
        served.stream().filter(r -> !table.contains(r))
                .forEach(r -> diffs.add(r + ": served without an entry in Endpoints"));
        table.stream().filter(r -> !served.contains(r)).forEach(r -> diffs.add(r + ": in Endpoints, not served"));
        assertThat(diffs).as("routes: code vs docs/openapi.json").isEmpty();
        assertThat(served).as("the center serves its API").hasSizeGreaterThan(50);
    }

    @Test
    void every_operation_reads_writes_and_answers_what_the_document_says() throws IOException {
        List<String> diffs = new ArrayList<>();
        Set<String> reached = new TreeSet<>();
        for (Endpoint<?, ?> e : Endpoints.ALL) {
            JsonNode op = doc.path("paths").path(e.path()).path(e.method().toLowerCase(Locale.ROOT));
            if (op.isMissingNode()) {
                diffs.add(e + ": not in the document");
                continue;
            }
            new Comparison(e.key(), diffs, reached).operation(e, op);
        }
        // every problem document is the center's Problem record
        new Comparison("problem documents", diffs, reached).compare("Problem",
                Json.MAPPER.readTree("{\"$ref\": \"" + REF + "Problem\"}"), Json.MAPPER.constructType(Problem.class), true);
        names(doc.path("components").path("schemas")).forEach(name -> {
            if (!reached.contains(name)) {
                diffs.add("components/schemas/" + name + ": no route reads or writes it");
            }
        });
        assertThat(diffs).as("%d differences between the code and docs/openapi.json:%n  %s", diffs.size(),
                String.join("\n  ", diffs)).isEmpty();
    }

    /** The POSTs that run once per Idempotency-Key are the ones the document says take the header, and they say 422. */
    @Test
    void the_routes_that_take_an_idempotency_key_are_documented_as_such() {
        List<String> diffs = new ArrayList<>();
        for (Endpoint<?, ?> e : Endpoints.ALL) {
            JsonNode op = doc.path("paths").path(e.path()).path(e.method().toLowerCase(Locale.ROOT));
            boolean documented = false;
            for (JsonNode parameter : op.path("parameters")) {
                documented |= parameter.path("$ref").asText().equals("#/components/parameters/IdempotencyKey");
            }
            boolean coded = Endpoints.IDEMPOTENT.contains(e);
            if (coded != documented) {
                diffs.add(e + (coded ? ": runs once per Idempotency-Key, the document names no such header"
                        : ": documents an Idempotency-Key the code ignores"));
            }
            if (coded && !e.problems().contains(422)) {
                diffs.add(e + ": a used key with another body answers 422; not in Endpoints");
            }
        }
        assertThat(diffs).isEmpty();
        assertThat(doc.path("components").path("parameters").path("IdempotencyKey").path("in").asText())
                .isEqualTo("header");
    }

    /**
     * Statuses the running center really answers: every route with a parameter in its path is called, by a role it
     * admits, with a malformed value and with one that names nothing; whatever it answers must be in the table and in
     * the document.
     */
    @Test
    void what_a_route_answers_to_a_malformed_or_unknown_id_is_documented() {
        Map<CenterRole, ApiClient> clients = new EnumMap<>(CenterRole.class);
        List<String> diffs = new ArrayList<>();
        int probes = 0;
        for (CenterRoutes.Route route : CenterRoutes.documented()) {
            if (route.open() || route.stream() || !route.path().contains("{")) {
                continue;
            }
            Endpoint<?, ?> endpoint = Endpoints.ALL.stream().filter(e -> e.key().equals(route.key())).findFirst()
                    .orElseThrow();
            JsonNode op = doc.path("paths").path(route.path()).path(route.method().toLowerCase(Locale.ROOT));
            Set<Integer> documented = new TreeSet<>();
            names(op.path("responses")).forEach(code -> documented.add(Integer.parseInt(code)));
            Set<Integer> coded = new TreeSet<>(endpoint.problems());
            coded.add(endpoint.status());
            CenterRole role = route.roles().iterator().next();
            ApiClient client = clients.computeIfAbsent(role, r -> fx.account(r.role()).client());
            for (String value : List.of("not-an-id", "987654321")) {
                Map<String, String> params = new LinkedHashMap<>();
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(route.path());
                while (m.find()) {
                    params.put(m.group(1), m.group(1).equals("currency") && !value.startsWith("not") ? "XTS" : value);
                }
                String path = route.concrete(params);
                ApiClient.Response answer = switch (route.method()) {
                    case "GET" -> client.get(path);
                    case "DELETE" -> client.delete(path);
                    default -> client.postRaw(path, "{}");
                };
                probes++;
                if (!documented.contains(answer.status()) || !coded.contains(answer.status())) {
                    diffs.add(route + " answered " + answer.status() + " to " + role + " for " + path + " ("
                            + answer.body().lines().findFirst().orElse("") + "); the document lists " + documented
                            + ", Endpoints " + coded);
                }
            }
        }
        assertThat(probes).as("routes with path parameters probed").isGreaterThan(40);
        assertThat(diffs).as("%d statuses the center answers but does not document:%n  %s", diffs.size(),
                String.join("\n  ", diffs)).isEmpty();
    }

    private void collectRefs(JsonNode node, Set<String> reached) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.asText().startsWith(REF)) {
                String name = ref.asText().substring(REF.length());
                if (reached.add(name)) {
                    collectRefs(doc.path("components").path("schemas").path(name), reached);
                }
            }
            node.forEach(child -> collectRefs(child, reached));
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, reached));
        }
    }

    /** The comparison of one operation; {@code diffs} collects what differs, worded "where: what". */
    private final class Comparison {
        private final String route;
        private final List<String> diffs;
        private final Set<String> reached;

        Comparison(String route, List<String> diffs, Set<String> reached) {
            this.route = route;
            this.diffs = diffs;
            this.reached = reached;
        }

        void operation(Endpoint<?, ?> e, JsonNode op) {
            // request
            JsonNode requestBody = op.path("requestBody");
            switch (e.request().kind()) {
                case NONE -> {
                    if (!requestBody.isMissingNode()) {
                        diff("request", "documented with a body, the code reads none");
                    }
                }
                case RAW -> {
                    if (requestBody.path("content").path("application/json").isMissingNode()) {
                        diff("request", "the code reads a JSON document, the document names no application/json body");
                    }
                }
                case JSON -> {
                    JsonNode schema = requestBody.path("content").path("application/json").path("schema");
                    if (schema.isMissingNode()) {
                        diff("request", "the code reads " + name(e.request().types().getFirst())
                                + ", the document names no application/json body");
                    } else {
                        if (!requestBody.path("required").asBoolean(false)) {
                            diff("request", "the body is required (the code answers 400 without one), the document "
                                    + "does not say \"required\": true");
                        }
                        compare("request", schema, e.request().types().getFirst(), false);
                    }
                }
                default -> diff("request", "a request cannot be " + e.request().kind());
            }
            // statuses
            Set<Integer> documented = new TreeSet<>();
            names(op.path("responses")).forEach(code -> documented.add(Integer.parseInt(code)));
            Set<Integer> coded = new TreeSet<>(e.problems());
            coded.add(e.status());
            coded.addAll(e.alsoWithBody());
            if (!documented.equals(coded)) {
                Set<Integer> missing = new TreeSet<>(coded);
                missing.removeAll(documented);
                Set<Integer> extra = new TreeSet<>(documented);
                extra.removeAll(coded);
                diff("statuses", "the code answers " + coded + ", the document lists " + documented
                        + (missing.isEmpty() ? "" : "; undocumented " + missing)
                        + (extra.isEmpty() ? "" : "; never answered " + extra));
            }
            boolean signedIn = op.has("x-roles") && !op.path("x-roles").isEmpty();
            if (signedIn && !e.problems().contains(401)) {
                diff("statuses", "a route for signed-in roles answers 401 without a valid token; not in Endpoints");
            }
            if (e.request().kind() != Endpoint.Kind.NONE) {
                for (int code : List.of(400, 413)) {
                    if (!e.problems().contains(code)) {
                        diff("statuses", "a route that reads a body answers " + code + "; not in Endpoints");
                    }
                }
            }
            for (int code : e.problems()) {
                JsonNode problem = resolveResponse(op.path("responses").path(Integer.toString(code)));
                collectRefs(problem, reached);
                if (!problem.isMissingNode() && problem.path("content").path("application/problem+json").isMissingNode()) {
                    diff("status " + code, "the code answers a problem document (application/problem+json), "
                            + "the document does not say so");
                }
            }
            // response
            response(e, e.status(), op);
            for (int code : e.alsoWithBody()) {
                response(e, code, op);
            }
        }

        private void response(Endpoint<?, ?> e, int status, JsonNode op) {
            JsonNode ok = resolveResponse(op.path("responses").path(Integer.toString(status)));
            JsonNode content = ok.path("content");
            switch (e.response().kind()) {
                case NONE -> {
                    if (!content.isMissingNode()) {
                        diff("response " + status, "documented with a body, the code answers none");
                    }
                }
                case RAW -> {
                    if (content.path("application/json").isMissingNode()) {
                        diff("response " + status, "the code answers a JSON document, the document names none");
                    }
                }
                case EVENT_STREAM -> {
                    JsonNode schema = content.path("text/event-stream").path("schema");
                    if (schema.isMissingNode()) {
                        diff("response " + status, "the code answers text/event-stream, the document names no schema");
                    } else {
                        oneOf("event data", schema, e.response().types());
                    }
                }
                case JSON -> {
                    JsonNode schema = content.path("application/json").path("schema");
                    if (schema.isMissingNode()) {
                        diff("response " + status, "the code answers " + name(e.response().types().getFirst())
                                + ", the document names no application/json body");
                    } else {
                        compare("response", schema, e.response().types().getFirst(), true);
                    }
                }
                case ONE_OF -> oneOf("response", content.path("application/json").path("schema"), e.response().types());
            }
        }

        private void oneOf(String where, JsonNode schema, List<JavaType> types) {
            if (types.size() == 1) {
                compare(where, schema, types.getFirst(), true);
                return;
            }
            JsonNode oneOf = schema.path("oneOf");
            if (oneOf.size() != types.size()) {
                diff(where, "the code writes one of " + types.stream().map(OpenApiContractTest::name).toList()
                        + ", the document's oneOf lists " + oneOf.size());
                return;
            }
            for (int i = 0; i < types.size(); i++) {
                compare(where + " oneOf[" + i + "]", oneOf.get(i), types.get(i), true);
            }
        }

        private JsonNode resolveResponse(JsonNode response) {
            String ref = response.path("$ref").asText("");
            if (ref.startsWith("#/components/responses/")) {
                return doc.path("components").path("responses").path(ref.substring("#/components/responses/".length()));
            }
            return response;
        }

        /** Compares one schema with the Java type the code writes ({@code serialized}) or reads there. */
        private void compare(String where, JsonNode schema, JavaType type, boolean serialized) {
            String ref = schema.path("$ref").asText("");
            if (!ref.isEmpty()) {
                if (!ref.startsWith(REF)) {
                    diff(where, "unresolvable $ref " + ref);
                    return;
                }
                String schemaName = ref.substring(REF.length());
                reached.add(schemaName);
                JsonNode target = doc.path("components").path("schemas").path(schemaName);
                if (target.isMissingNode()) {
                    diff(where, "$ref to a missing schema " + schemaName);
                    return;
                }
                if (!visited.add(schemaName + "|" + type.toCanonical() + "|" + serialized)) {
                    return;
                }
                compare(schemaName, target, type, serialized);
                return;
            }
            JsonNode typeNode = schema.path("type");
            String docType = typeNode.asText("");
            boolean nullable = false;
            if (typeNode.isArray()) {
                docType = "";
                for (JsonNode t : typeNode) {
                    if (t.asText().equals("null")) {
                        nullable = true;
                    } else {
                        docType = t.asText();
                    }
                }
            }
            Class<?> raw = type.getRawClass();
            if (nullable && raw.isPrimitive()) {
                diff(where, "the code " + verb(serialized) + " a " + raw + ", never null; the document allows null");
            }
            String javaType = jsonType(type);
            if (javaType == null) {
                return; // free-form JSON in the code (JsonNode, Object): any schema says as much as the code
            }
            if (!javaType.equals(docType)) {
                diff(where, "the code " + verb(serialized) + " " + javaType + " (" + name(type) + "), the document says "
                        + (docType.isEmpty() ? "no type" : docType));
                return;
            }
            switch (javaType) {
                case "integer" -> {
                    boolean isLong = raw == long.class || raw == Long.class || raw == BigInteger.class;
                    String format = schema.path("format").asText("");
                    if (isLong && !format.equals("int64")) {
                        diff(where, "a 64-bit whole number (" + name(type) + "), the document says format "
                                + (format.isEmpty() ? "(none)" : format) + ", not int64");
                    } else if (!isLong && format.equals("int64")) {
                        diff(where, "a 32-bit whole number (" + name(type) + "), the document says int64");
                    }
                }
                case "string" -> {
                    String format = schema.path("format").asText("");
                    String expected = Instant.class.isAssignableFrom(raw) || OffsetDateTime.class == raw
                            || ZonedDateTime.class == raw ? "date-time" : raw == LocalDate.class ? "date" : null;
                    if (expected != null && !expected.equals(format)) {
                        diff(where, name(type) + " is written as an ISO-8601 " + expected + ", the document says format "
                                + (format.isEmpty() ? "(none)" : format));
                    } else if (expected == null && (format.equals("date-time") || format.equals("date"))) {
                        diff(where, "the code " + verb(serialized) + " any string (" + name(type)
                                + "), the document says format " + format);
                    }
                    if (raw.isEnum()) {
                        Set<String> values = new TreeSet<>();
                        for (Object constant : raw.getEnumConstants()) {
                            values.add(enumValue(constant));
                        }
                        Set<String> docValues = new TreeSet<>();
                        schema.path("enum").forEach(v -> docValues.add(v.asText()));
                        if (!values.equals(docValues)) {
                            diff(where, "enum " + name(type) + " has " + values + ", the document lists "
                                    + (docValues.isEmpty() ? "no enum" : docValues));
                        }
                    } else if (schema.has("enum")) {
                        diff(where, "the code " + verb(serialized) + " any string (" + name(type)
                                + "), the document lists enum values");
                    }
                }
                case "array" -> {
                    if (!schema.has("items")) {
                        diff(where, "an array of " + name(type.getContentType()) + ", the document names no items");
                    } else {
                        compare(where + "[]", schema.path("items"), type.getContentType(), serialized);
                    }
                }
                case "object" -> {
                    if (type.isMapLikeType()) {
                        JsonNode values = schema.path("additionalProperties");
                        if (!values.isObject()) {
                            diff(where, "a map of " + name(type.getContentType())
                                    + ", the document names no additionalProperties schema");
                        } else {
                            compare(where + "{}", values, type.getContentType(), serialized);
                        }
                        if (schema.has("properties")) {
                            diff(where, "a map, the document lists fixed properties");
                        }
                    } else {
                        properties(where, schema, type, serialized);
                    }
                }
                default -> {
                    // number, boolean: the type is all there is
                }
            }
        }

        private void properties(String where, JsonNode schema, JavaType type, boolean serialized) {
            BeanDescription bean = serialized
                    ? Json.MAPPER.getSerializationConfig().introspect(type)
                    : Json.MAPPER.getDeserializationConfig().introspect(type);
            Map<String, JavaType> code = new LinkedHashMap<>();
            for (BeanPropertyDefinition p : bean.findProperties()) {
                if (serialized ? p.couldSerialize() : p.couldDeserialize()) {
                    code.put(p.getName(), p.getPrimaryType());
                }
            }
            JsonNode props = schema.path("properties");
            Set<String> documented = new TreeSet<>(names(props));
            for (var entry : code.entrySet()) {
                if (!documented.contains(entry.getKey())) {
                    diff(where, "property \"" + entry.getKey() + "\" (" + name(entry.getValue()) + ") "
                            + (serialized ? "is written" : "is read") + " by " + name(type) + ", not documented");
                } else {
                    compare(where + "." + entry.getKey(), props.path(entry.getKey()), entry.getValue(), serialized);
                }
            }
            documented.stream().filter(n -> !code.containsKey(n)).forEach(n -> diff(where, "documented property \""
                    + n + "\" is not " + (serialized ? "written" : "read") + " by " + name(type)));
            if (serialized) {
                // the center's mapper writes every property, null or not, unless told otherwise: each one is present
                JsonInclude.Include classLevel = bean.findPropertyInclusion(
                        Json.MAPPER.getSerializationConfig().getDefaultPropertyInclusion()).getValueInclusion();
                Set<String> required = new TreeSet<>();
                schema.path("required").forEach(n -> required.add(n.asText()));
                for (BeanPropertyDefinition p : bean.findProperties()) {
                    JsonInclude.Include own = p.findInclusion().getValueInclusion();
                    JsonInclude.Include inclusion = own == JsonInclude.Include.USE_DEFAULTS ? classLevel : own;
                    boolean always = inclusion == JsonInclude.Include.ALWAYS || inclusion == JsonInclude.Include.USE_DEFAULTS;
                    if (p.couldSerialize() && always && !required.contains(p.getName())) {
                        diff(where, "property \"" + p.getName() + "\" is always written (null or not), the document "
                                + "does not list it as required");
                    }
                }
            }
            schema.path("required").forEach(n -> {
                if (!code.containsKey(n.asText())) {
                    diff(where, "required property \"" + n.asText() + "\" does not exist in " + name(type));
                }
            });
            if (!serialized) {
                // the center refuses unknown fields: the document must not invite any
                if (schema.path("additionalProperties").asBoolean(true) && !schema.path("additionalProperties").isObject()
                        && schema.has("additionalProperties")) {
                    diff(where, "additionalProperties true, but the center refuses unknown fields");
                }
            }
        }

        private void diff(String where, String what) {
            diffs.add(route + " " + where + ": " + what);
        }
    }

    private static String verb(boolean serialized) {
        return serialized ? "writes" : "reads";
    }

    /** The JSON type Jackson (as the center configures it) reads and writes for {@code type}; null for any. */
    static String jsonType(JavaType type) {
        Class<?> raw = type.getRawClass();
        if (raw == Object.class || JsonNode.class.isAssignableFrom(raw)) {
            return null;
        }
        if (raw == byte[].class || raw == String.class || raw == char.class || raw == Character.class || raw.isEnum()
                || raw == UUID.class || Temporal.class.isAssignableFrom(raw) || raw == java.time.Duration.class
                || raw == java.util.Currency.class) {
            return "string";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "boolean";
        }
        if (raw == int.class || raw == long.class || raw == short.class || raw == Integer.class || raw == Long.class
                || raw == Short.class || raw == BigInteger.class) {
            return "integer";
        }
        if (raw == double.class || raw == float.class || raw == Double.class || raw == Float.class
                || raw == BigDecimal.class) {
            return "number";
        }
        if (type.isArrayType() || type.isCollectionLikeType()) {
            return "array";
        }
        return "object";
    }

    private static String name(JavaType type) {
        return type.getGenericSignature().isEmpty() ? type.toString() : type.toCanonical()
                .replaceAll("[a-z0-9_.]+\\.(?=[A-Z])", "").replace('$', '.');
    }

    /** An enum constant as the center's mapper writes it (and reads it). */
    static String enumValue(Object constant) {
        try {
            return Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(constant)).asText();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
