package dev.quorum.component;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The Kamelets the jar ships ({@code kamelets/} on the class path, as the build filtered them) against the conventions
 * the camel-kamelets catalogue's validator checks: the file is named after the Kamelet, an action's name ends in
 * {@code -action} and its title in {@code Action}, an icon and a catalog version, a JSON schema of type object with
 * every property typed, titled in Title Case (not starting with The/A/An) and described, every required property
 * defined, a password property marked as a credential, every property used by the template and every template
 * parameter declared; and, for Quorum's, the dependency on this very build of Quorum and nothing private to
 * Quorum's application.
 */
class KameletCatalogueTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PARAMETER = Pattern.compile("\\{\\{[?]?([A-Za-z0-9-._]+)(?::[^}]*)?}}");
    /** English words a catalogue title may leave in lower case (the validator's stop words, those we could meet). */
    private static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "as", "at", "by", "for", "from", "in", "of",
            "on", "or", "the", "to", "with");

    @ParameterizedTest
    @ValueSource(strings = {"llm-consensus-action", "llm-complete-action", "llm-cascade-action",
        "llm-consensus-remote-action"})
    void should_follow_the_kamelet_catalogue_conventions(String name) throws Exception {
        // given
        JsonNode kamelet;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("kamelets/" + name + ".kamelet.yaml")) {
            assertThat(in).as("kamelets/%s.kamelet.yaml on the class path", name).isNotNull();
            kamelet = JSON.valueToTree(new Load(LoadSettings.builder().build()).loadFromInputStream(in));
        }
        JsonNode metadata = kamelet.path("metadata");
        JsonNode definition = kamelet.path("spec").path("definition");

        // then: names, type, title, icon, version
        assertThat(kamelet.path("kind").asText()).isEqualTo("Kamelet");
        assertThat(metadata.path("name").asText()).isEqualTo(name);
        assertThat(metadata.path("labels").path("camel.apache.org/kamelet.type").asText()).isEqualTo("action");
        assertThat(name).endsWith("-action");
        assertThat(definition.path("title").asText()).endsWith("Action");
        assertThat(definition.path("description").asText()).isNotBlank();
        assertThat(definition.path("type").asText()).isEqualTo("object");
        JsonNode annotations = metadata.path("annotations");
        assertThat(annotations.path("camel.apache.org/kamelet.icon").asText()).startsWith("data:image/svg+xml;base64,");
        assertThat(annotations.path("camel.apache.org/catalog.version").asText()).isEqualTo(projectVersion());
        assertThat(annotations.path("camel.apache.org/provider").asText()).isNotBlank();

        // and: every property typed, titled and described; required ones defined; secrets marked
        Set<String> declared = new HashSet<>();
        definition.path("properties").fields().forEachRemaining(property -> {
            String key = property.getKey();
            JsonNode schema = property.getValue();
            declared.add(key);
            assertThat(schema.path("type").asText()).as("type of %s", key).isNotBlank();
            assertThat(schema.path("description").asText()).as("description of %s", key).isNotBlank();
            String title = schema.path("title").asText();
            assertThat(title).as("title of %s", key).isNotBlank().doesNotStartWith("The ").doesNotStartWith("A ")
                    .doesNotStartWith("An ");
            for (String word : title.split(" ")) {
                if (!STOP_WORDS.contains(word.toLowerCase(java.util.Locale.ROOT))) {
                    assertThat(Character.isUpperCase(word.charAt(0))).as("'%s' in the title of %s", word, key).isTrue();
                }
            }
            if ("password".equals(schema.path("format").asText())) {
                assertThat(schema.path("x-descriptors")).extracting(JsonNode::asText)
                        .as("x-descriptors of %s", key).contains("urn:camel:group:credentials");
            }
        });
        definition.path("required").forEach(required -> assertThat(declared).contains(required.asText()));

        // and: the template uses exactly the declared properties (and its own beans)
        Set<String> used = new HashSet<>();
        collectParameters(kamelet.path("spec").path("template"), used);
        kamelet.path("spec").path("template").path("beans").forEach(bean -> declared.add(bean.path("name").asText()));
        assertThat(used).isEqualTo(declared);

        // and: it names its dependencies, Quorum's as this build; it uses nothing private to Quorum's application
        List<String> dependencies = new ArrayList<>();
        kamelet.path("spec").path("dependencies").forEach(dependency -> dependencies.add(dependency.asText()));
        assertThat(dependencies).contains("camel:kamelet");
        String template = kamelet.path("spec").path("template").toString();
        if (template.contains("quorum:")) {
            assertThat(dependencies).contains("mvn:dev.quorum:quorum:" + projectVersion());
        } else {
            assertThat(dependencies).noneMatch(dependency -> dependency.startsWith("mvn:dev.quorum"));
        }
        assertThat(template).doesNotContain("direct:").doesNotContain("\"ref\"").doesNotContain("#bean:")
                .doesNotContain("\"bean\"");
    }

    private static void collectParameters(JsonNode node, Set<String> used) {
        if (node.isTextual()) {
            Matcher matcher = PARAMETER.matcher(node.asText());
            while (matcher.find()) {
                used.add(matcher.group(1));
            }
        }
        node.forEach(child -> collectParameters(child, used));
    }

    private static String projectVersion() throws Exception {
        var pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Files.newInputStream(Path.of("pom.xml")));
        var children = pom.getDocumentElement().getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if ("version".equals(children.item(i).getNodeName())) {
                return children.item(i).getTextContent().trim();
            }
        }
        throw new AssertionError("pom.xml has no version");
    }
}
