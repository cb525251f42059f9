package dev.quorum;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every route file in {@code routes/} (sub-folders included) and in the jar's resources ({@code *.camel.yaml}), and
 * every Kamelet Quorum ships or keeps beside its routes, validates against the
 * JSON schema of Camel's YAML DSL ({@code schema/camelYamlDsl.json} in the camel-yaml-dsl jar on the classpath, the
 * schema Kaoto and the Camel IDE plugins edit routes with). A placeholder in a field the schema types as a boolean or a
 * number ({@code disabled: "{{flag}}"}) runs in Camel but makes those editors reject the file.
 *
 * <p>The schema describes route files, not the Kamelet resource around a template: a Kamelet's {@code spec.template}
 * is checked as what Camel turns it into, a {@code routeTemplate} with the Kamelet's name as its id.
 */
class RouteSchemaTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String SCHEMA = "schema/camelYamlDsl.json";
    private static final String KAMELET_TEMPLATE = "$[0].routeTemplate";
    private static final Schema ROUTES = loadSchema();

    /** Where route files and Kamelets live: the editable ones, and those shipped inside the jar. */
    private static final List<Path> FOLDERS = List.of(Path.of("routes"), Path.of("src/main/resources"));

    static Stream<Path> routeFiles() {
        List<Path> files = FOLDERS.stream().flatMap(RouteSchemaTest::yamlFiles)
                .filter(file -> file.startsWith("routes") || file.getFileName().toString().endsWith(".camel.yaml"))
                .filter(file -> !isKamelet(file)).toList();
        assertThat(files).as("route files in routes/").isNotEmpty();
        return files.stream();
    }

    static Stream<Path> kamelets() {
        List<Path> files = FOLDERS.stream().flatMap(RouteSchemaTest::yamlFiles).filter(RouteSchemaTest::isKamelet).toList();
        assertThat(files).as("Kamelets").isNotEmpty();
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routeFiles")
    void should_validate_every_route_file_against_the_yaml_dsl_schema(Path file) {
        // given
        JsonNode routes = read(file);

        // when
        List<Error> errors = ROUTES.validate(routes);

        // then
        assertThat(describe(errors, "$", "$")).as("%s against %s", file, SCHEMA).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kamelets")
    void should_validate_every_kamelet_template_against_the_yaml_dsl_schema(Path file) {
        // given
        JsonNode kamelet = read(file);
        JsonNode template = kamelet.path("spec").path("template");
        assertThat(template.isObject()).as("%s has a spec.template", file).isTrue();
        ObjectNode routeTemplate = ((ObjectNode) template.deepCopy())
                .put("id", kamelet.path("metadata").path("name").asText());
        ArrayNode asRoutes = YAML.createArrayNode();
        asRoutes.addObject().set("routeTemplate", routeTemplate);

        // when
        List<Error> errors = ROUTES.validate(asRoutes);

        // then
        assertThat(describe(errors, KAMELET_TEMPLATE, "$.spec.template")).as("%s against %s", file, SCHEMA).isEmpty();
    }

    /** One line per error: the JSON path in the file and the schema's message. */
    private static List<String> describe(List<Error> errors, String validatedRoot, String fileRoot) {
        return errors.stream()
                .map(error -> {
                    String path = error.getInstanceLocation().toString();
                    if (path.startsWith(validatedRoot)) {
                        path = fileRoot + path.substring(validatedRoot.length());
                    }
                    return path + ": " + error.getMessage();
                })
                .distinct()
                .toList();
    }

    private static Schema loadSchema() {
        try (InputStream in = RouteSchemaTest.class.getClassLoader().getResourceAsStream(SCHEMA)) {
            assertThat(in).as("%s from camel-yaml-dsl on the test classpath", SCHEMA).isNotNull();
            // paths in the messages as JSONPath ($[4].route.autoStartup), the way editors show them
            SchemaRegistryConfig config = SchemaRegistryConfig.builder().pathType(PathType.JSON_PATH).build();
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4,
                    registry -> registry.schemaRegistryConfig(config)).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Path> yamlFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(".yaml"))
                    .sorted()
                    .toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isKamelet(Path file) {
        return file.getFileName().toString().endsWith(".kamelet.yaml");
    }

    private static JsonNode read(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("not YAML: " + file, e);
        }
    }
}
