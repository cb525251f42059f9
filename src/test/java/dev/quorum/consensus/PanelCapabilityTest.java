package dev.quorum.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorum.ChatContractTest;
import dev.quorum.QuorumTestSupport;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A consensus or cascade panel leaves out members that lack a capability the request needs (vision for images, json
 * for a JSON response format, the capabilities it names), says so in the result's warnings, and refuses with a 422
 * naming the capability when fewer than the panel's quorum remain, before any member is asked.
 */
public class PanelCapabilityTest extends QuorumTestSupport {

    private static final String IMAGE_MESSAGES = """
            [{"role":"user","content":[{"type":"text","text":"What is in this picture?"},{"type":"image","url":"%s"}]}]"""
            .formatted(ChatContractTest.PNG);

    @BeforeEach
    void resetSimulator() {
        simulator().reset();
    }

    @Test
    void should_leave_a_member_without_vision_out_of_an_image_panel_and_say_so() {
        // when: ollama-sim has no vision
        HttpResponse<String> response = post("/api/v1/consensus", """
                {"providers":["openai-sim","anthropic-sim","ollama-sim"],"messages":%s}""".formatted(IMAGE_MESSAGES));

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = json(response);
        assertThat(result.path("responses")).extracting(r -> r.path("provider").asText())
                .containsExactlyInAnyOrder("openai-sim", "anthropic-sim");
        assertThat(result.path("warnings").toString()).contains("ollama-sim (no vision)");
        assertThat(simulator().calls("ollama-sim")).isEmpty();
    }

    @Test
    void should_refuse_a_json_panel_with_fewer_capable_members_than_its_quorum_naming_the_capability() {
        // when: of two members only openai-sim has json, and the quorum is 2
        HttpResponse<String> consensus = post("/api/v1/consensus", """
                {"providers":["openai-sim","ollama-sim"],"prompt":"Give a colour as JSON.",
                 "responseFormat":{"type":"json_object"}}""");
        HttpResponse<String> cascade = post("/api/v1/complete", """
                {"mode":"cascade","providers":["mistral-sim","ollama-sim"],"capabilities":["vision"],
                 "prompt":"Which colour?"}""");

        // then
        assertThat(consensus.statusCode()).as(consensus.body()).isEqualTo(422);
        assertThat(json(consensus).path("error").path("field").asText()).isEqualTo("responseFormat");
        assertThat(json(consensus).path("error").path("message").asText()).contains("'json'", "ollama-sim (no json)");
        assertThat(cascade.statusCode()).as(cascade.body()).isEqualTo(422);
        assertThat(json(cascade).path("error").path("field").asText()).isEqualTo("capabilities");
        assertThat(json(cascade).path("error").path("message").asText()).contains("'vision'");
        assertThat(simulator().calls("openai-sim")).isEmpty();
        assertThat(simulator().calls("ollama-sim")).isEmpty();
        assertThat(simulator().calls("mistral-sim")).isEmpty();
    }
}
