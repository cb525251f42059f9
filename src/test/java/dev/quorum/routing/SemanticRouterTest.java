package dev.quorum.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorum.QuorumTestSupport;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The semantic task router with the in-process all-MiniLM-L6-v2 model and the example prompts of
 * application.properties: prompts that share no keyword with the rules still find their task by meaning.
 */
class SemanticRouterTest extends QuorumTestSupport {

    @Override
    protected Map<String, String> overrides() {
        return Map.of("quorum.routing.semantic.enabled", "true");
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Tell me whether this customer review is happy or angry: the soup was cold  | classification
            Compose some rhyming verses about waves on the ocean                       | creative
            My Java program throws a NullPointerException in the parser, please repair it | code
            """)
    void should_find_the_task_by_meaning(String prompt, String task) {
        // when
        JsonNode route = json(post("/api/v1/complete", request(Map.of("prompt", prompt, "priority", "cost")))).path("route");

        // then
        assertThat(route.path("task").asText()).as(route.toString()).isEqualTo(task);
        assertThat(route.path("taskSource").asText()).startsWith("semantic:");
    }
}
