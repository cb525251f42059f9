package dev.quorum.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quorum.api.QuorumException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The model name and OpenAI parameters mapped onto Quorum's request fields, without a running Quorum. */
class OpenAiRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final OpenAiRequests requests = new OpenAiRequests(Set.of("openai-sim", "mistral")::contains,
            List.of("majority", "weighted", "semantic"));

    private static JsonNode body(String model, String extra) {
        try {
            return JSON.readTree("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]"
                    + extra + "}");
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "openai-sim,                 -,         -,         openai-sim",
            "mistral,                    -,         -,         mistral",
            "quorum/route,               -,         -,         -",
            "quorum/consensus,           consensus, -,         -",
            "quorum/consensus-majority,  consensus, majority,  -",
            "quorum/consensus-semantic,  consensus, semantic,  -",
            "quorum/cascade,             cascade,   -,         -"})
    void should_map_the_model_name_to_mode_algorithm_and_provider(String model, String mode, String algorithm,
                                                                    String provider) {
        // when
        ObjectNode request = requests.translate(body(model, "")).request();

        // then
        assertThat(request.path("mode").textValue()).isEqualTo(mode);
        assertThat(request.path("algorithm").textValue()).isEqualTo(algorithm);
        assertThat(request.path("provider").textValue()).isEqualTo(provider);
        assertThat(request.path("prompt").textValue()).isEqualTo("hi");
    }

    @ParameterizedTest
    @CsvSource({"gpt-4o", "quorum/consensus-dice", "quorum/other", "quorum/consensus-"})
    void should_answer_unknown_models_with_model_not_found(String model) {
        assertThatThrownBy(() -> requests.translate(body(model, "")))
                .isInstanceOfSatisfying(QuorumException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.type()).isEqualTo("model_not_found");
                    assertThat(e.field()).isEqualTo("model");
                });
    }

    @Test
    void should_map_tokens_temperature_user_stream_and_the_quorum_extension() {
        // when
        OpenAiRequests.Translation translation = requests.translate(body("quorum/consensus-weighted", """
                ,"max_tokens":10,"max_completion_tokens":20,"temperature":0.3,"user":"acme","top_p":0.9,
                "stream":true,"stream_options":{"include_usage":true},
                "quorum":{"providers":["openai-sim","mistral"],"minAgreement":0.7}"""));

        // then
        ObjectNode request = translation.request();
        assertThat(request.path("maxTokens").intValue()).isEqualTo(20);
        assertThat(request.path("temperature").doubleValue()).isEqualTo(0.3);
        assertThat(request.path("tenant").textValue()).isEqualTo("acme");
        assertThat(request.path("providers")).hasSize(2);
        assertThat(request.path("minAgreement").doubleValue()).isEqualTo(0.7);
        assertThat(request.path("algorithm").textValue()).isEqualTo("weighted");
        assertThat(request.has("top_p")).isFalse();
        assertThat(translation.model()).isEqualTo("quorum/consensus-weighted");
        assertThat(translation.stream()).isTrue();
        assertThat(translation.streamUsage()).isTrue();
    }

    @Test
    void should_keep_system_and_developer_messages_as_the_system_text() throws Exception {
        // when
        ObjectNode request = requests.translate(JSON.readTree("""
                {"model":"openai-sim","messages":[{"role":"system","content":"Be terse."},
                 {"role":"developer","content":"Answer in French."},{"role":"user","content":"Capital of Italy?"}]}""")).request();

        // then
        assertThat(request.path("system").textValue()).isEqualTo("Be terse.\n\nAnswer in French.");
        assertThat(request.path("prompt").textValue()).isEqualTo("Capital of Italy?");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"model\":\"openai-sim\"}                                                             | messages",
            "{\"model\":\"openai-sim\",\"messages\":[{\"role\":\"function\",\"content\":\"x\"}]}     | messages[0]",
            "{\"model\":\"openai-sim\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_audio\"}]}]} | messages[0].content[0].type",
            "{\"model\":\"openai-sim\",\"tools\":[{\"type\":\"function\",\"function\":{}}],\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]} | tools[0].function.name",
            "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}                                  | model",
            "{\"model\":\"openai-sim\",\"n\":0,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}  | n",
            "{\"model\":\"openai-sim\",\"max_tokens\":0,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]} | max_tokens",
            "{\"model\":\"openai-sim\",\"response_format\":{\"type\":\"json_schema\"},\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]} | response_format.json_schema",
            "{\"model\":\"openai-sim\",\"quorum\":{\"mode\":\"single\"},\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]} | quorum"})
    void should_name_the_parameter_at_fault(String body, String param) throws Exception {
        assertThatThrownBy(() -> requests.translate(JSON.readTree(body)))
                .isInstanceOfSatisfying(QuorumException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.field()).isEqualTo(param);
                });
    }

    @Test
    void should_cut_the_answer_into_pieces_that_join_back_to_it() {
        // given
        String answer = "The quick brown fox jumps over the lazy dog, and then it runs far away into the forest.";

        // when
        List<String> pieces = OpenAiReplies.pieces(answer);

        // then
        assertThat(pieces).hasSizeGreaterThan(2);
        assertThat(String.join("", pieces)).isEqualTo(answer);
        assertThat(OpenAiReplies.pieces("")).isEmpty();
        assertThat(OpenAiReplies.pieces("short")).containsExactly("short");
    }
}
