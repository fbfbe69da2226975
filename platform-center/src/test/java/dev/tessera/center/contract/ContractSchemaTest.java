package dev.tessera.center.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.tessera.center.http.CenterApi;
import dev.tessera.center.http.Json;
import dev.tessera.contract.problem.Problem;
import dev.tessera.core.model.Event;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * center-contract's records are the API: the center reads and writes them and every client maps them. Beside
 * {@link OpenApiContractTest} (each route's bodies against the document), this holds the module to the document by
 * name: every contract record is the schema of its name in docs/openapi.json, property for property and type for type
 * (as the center's {@link Json#MAPPER} writes it), and every schema the document names is a record of the contract or
 * of ticket-core's model.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractSchemaTest {
    private static final String REF = "#/components/schemas/";
    /** Contract records that travel inside another document, never as a schema of a route. */
    private static final Set<String> NOT_A_SCHEMA = Set.of(
            "OfflineSalePayload", // the payload string of a journal entry (docs/terminal-sync.md)
            "Payment", "BestAvailable"); // written inline in the schemas of the requests that hold them
    private JsonNode schemas;
    private final Map<String, Class<?>> contract = new TreeMap<>();

    @BeforeAll
    void read() throws IOException, URISyntaxException, ClassNotFoundException {
        try (InputStream in = CenterApi.class.getResourceAsStream("/openapi.json")) {
            schemas = Json.MAPPER.readTree(in).path("components").path("schemas");
        }
        for (String name : classNames(Path.of(Problem.class.getProtectionDomain().getCodeSource().getLocation().toURI()))) {
            Class<?> type = Class.forName(name, false, getClass().getClassLoader());
            if (!type.isMemberClass() && (type.isRecord() || type.isEnum())) {
                contract.put(type.getSimpleName(), type);
            }
        }
    }

    @Test
    void every_contract_record_is_the_schema_of_its_name() {
        List<String> diffs = new ArrayList<>();
        contract.forEach((name, type) -> {
            if (type.isEnum() || NOT_A_SCHEMA.contains(name)) {
                return; // enums are written inline where a record names them
            }
            JsonNode schema = schemas.path(name);
            if (schema.isMissingNode()) {
                diffs.add(name + ": a contract record docs/openapi.json has no schema for");
            } else {
                compare(name, schema, Json.MAPPER.constructType(type), diffs);
            }
        });
        assertThat(contract).as("the contract's records").containsKeys("Problem", "IssuedTicket", "JournalPush");
        assertThat(diffs).as("%d differences between center-contract and docs/openapi.json:%n  %s", diffs.size(),
                String.join("\n  ", diffs)).isEmpty();
    }

    @Test
    void every_schema_of_the_document_has_its_record() {
        List<String> missing = new ArrayList<>();
        OpenApiContractTest.names(schemas).forEach(name -> {
            if (!contract.containsKey(name) && !inTheCoreModel(name)) {
                missing.add(name + ": a schema with no record of that name in center-contract or ticket-core's model");
            }
        });
        assertThat(missing).as("schemas without their record:%n  %s", String.join("\n  ", missing)).isEmpty();
    }

    /** The record's properties as the center writes them against the schema's, both ways, with their JSON types. */
    private void compare(String name, JsonNode schema, JavaType type, List<String> diffs) {
        BeanDescription bean = Json.MAPPER.getSerializationConfig().introspect(type);
        Map<String, JavaType> code = new LinkedHashMap<>();
        for (BeanPropertyDefinition p : bean.findProperties()) {
            code.put(p.getName(), p.getPrimaryType());
        }
        JsonNode props = schema.path("properties");
        Set<String> documented = new TreeSet<>(OpenApiContractTest.names(props));
        code.forEach((property, javaType) -> {
            if (!documented.contains(property)) {
                diffs.add(name + "." + property + ": in the record, not in the schema");
                return;
            }
            String expected = OpenApiContractTest.jsonType(javaType);
            String actual = schemaType(props.path(property));
            if (expected != null && !expected.equals(actual)) {
                diffs.add(name + "." + property + ": the record has " + expected + " (" + javaType.toCanonical()
                        + "), the schema " + actual);
            } else if (javaType.getRawClass().isEnum()) {
                Set<String> values = new TreeSet<>();
                for (Object constant : javaType.getRawClass().getEnumConstants()) {
                    values.add(OpenApiContractTest.enumValue(constant));
                }
                Set<String> docValues = new TreeSet<>();
                props.path(property).path("enum").forEach(v -> docValues.add(v.asText()));
                if (!values.equals(docValues)) {
                    diffs.add(name + "." + property + ": the enum has " + values + ", the schema lists " + docValues);
                }
            }
        });
        documented.stream().filter(p -> !code.containsKey(p))
                .forEach(p -> diffs.add(name + "." + p + ": in the schema, not in the record"));
    }

    /** A property's JSON type; a {@code $ref} is an object (the schemas it names are objects). */
    private String schemaType(JsonNode property) {
        if (property.has("$ref")) {
            return schemas.path(property.path("$ref").asText().substring(REF.length())).path("type").asText("object");
        }
        JsonNode type = property.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        return type.asText("");
    }

    private static boolean inTheCoreModel(String name) {
        try {
            Class.forName(Event.class.getPackageName() + "." + name, false, ContractSchemaTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** The classes of center-contract, from its build directory or its jar. */
    private static List<String> classNames(Path location) throws IOException {
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                files.filter(f -> f.toString().endsWith(".class")).forEach(f -> names.add(
                        location.relativize(f).toString().replace(f.getFileSystem().getSeparator(), ".")
                                .replaceAll("\\.class$", "")));
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                jar.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class") && !n.startsWith("META-INF"))
                        .forEach(n -> names.add(n.replace('/', '.').replaceAll("\\.class$", "")));
            }
        }
        return names;
    }
}
