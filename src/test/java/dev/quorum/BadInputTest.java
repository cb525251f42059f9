package dev.quorum;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every class of bad input gets HTTP 400 with a JSON error naming the field at fault, and no provider is called. */
class BadInputTest extends QuorumTestSupport {

    @Override
    protected Map<String, String> overrides() {
        return Map.of("quorum.request.max-prompt-chars", "50");
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("{\"prompt\": \"unterminated", "prompt", "not valid JSON"),
                Arguments.of("", null, "empty"),
                Arguments.of("[\"a list\"]", null, "JSON object"),
                Arguments.of("{}", "prompt", "required"),
                Arguments.of("{\"prompt\": \"   \"}", "prompt", "blank"),
                Arguments.of("{\"prompt\": \"" + "x".repeat(51) + "\"}", "prompt", "limit is 50"),
                Arguments.of("{\"prompt\": 42}", "prompt", "must be a string"),
                Arguments.of("{\"prompt\": \"hi\", \"provider\": \"nope\"}", "provider", "unknown provider 'nope'"),
                Arguments.of("{\"prompt\": \"hi\", \"provider\": 7}", "provider", "must be a string"),
                Arguments.of("{\"prompt\": \"hi\", \"maxTokens\": \"many\"}", "maxTokens", "positive whole number"),
                Arguments.of("{\"prompt\": \"hi\", \"maxTokens\": 0}", "maxTokens", "positive whole number"),
                Arguments.of("{\"prompt\": \"hi\", \"temperature\": 5}", "temperature", "from 0 to 2"),
                Arguments.of("{\"prompt\": \"hi\", \"mode\": \"democracy\"}", "mode", "must be one of"),
                Arguments.of("{\"prompt\": \"hi\", \"promt\": \"typo\"}", "promt", "unknown field 'promt'"),
                Arguments.of("{\"prompt\": \"hi\", \"id\": \"../../etc/passwd\"}", "id", "letters, digits"),
                Arguments.of("{\"prompt\": \"hi\", \"providers\": []}", "providers", "non-empty array"),
                Arguments.of("{\"prompt\": \"hi\", \"metadata\": 3}", "metadata", "JSON object"),
                // found by fuzzing: these gave 500 internal_error, or were accepted
                Arguments.of("{\"prompt\":\"hi\",\"metadata\":" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000) + "}",
                        "metadata", "deeper than 64 levels"),
                Arguments.of("{\"prompt\":\"hi\",\"maxTokens\":" + "9".repeat(100_000) + "}", "maxTokens", "longer than"),
                Arguments.of("{\"prompt\":\"hi\",\"" + "n".repeat(100_000) + "\":1}", null, "field name longer than 256"),
                Arguments.of("{\"prompt\":\"hi\"} xyz", null, "nothing after it"),
                Arguments.of("{\"prompt\":\"hi\",\"prompt\":\"hi\"}", "prompt", "Duplicate field 'prompt'"),
                Arguments.of("{\"prompt\":\"hi\",\"maxTokens\":\"5\"}", "maxTokens", "not the string \"5\""),
                Arguments.of("{\"prompt\":\"hi\",\"system\":\"" + "s".repeat(200_000) + "\"}", "system", "the limit is 100000"),
                Arguments.of("{\"prompt\":\"hi\",\"tenant\":\"" + "t".repeat(201) + "\"}", "tenant", "the limit is 200"),
                Arguments.of("{\"prompt\":\"hi\",\"tenant\":\"a\\nb\"}", "tenant", "control"));
    }

    @ParameterizedTest
    @MethodSource("badRequests")
    void should_reject_bad_input_with_400_naming_the_field(String body, String field, String message) {
        // given
        simulator().reset();

        // when
        HttpResponse<String> response = post("/api/v1/complete", body);

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode error = json(response).path("error");
        assertThat(error.path("type").asText()).isEqualTo("invalid_request");
        assertThat(error.path("message").asText()).contains(message);
        if (field == null) {
            assertThat(error.has("field")).isFalse();
        } else {
            assertThat(error.path("field").asText()).isEqualTo(field);
        }
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.quorum");
        assertThat(simulator().calls("anthropic-sim")).isEmpty();
    }

    @Test
    void should_refuse_an_oversized_system_message_on_the_consensus_endpoint_before_any_call() {
        // given: the panel used to be sent a 5 MB system message (1.3M tokens, to an 8k-token model among others)
        simulator().reset();
        String body = "{\"prompt\":\"hi\",\"system\":\"" + "s".repeat(200_000) + "\"}";

        // when
        HttpResponse<String> response = post("/api/v1/consensus", body);

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).path("error").path("field").asText()).isEqualTo("system");
        for (String provider : new String[] {"openai-sim", "anthropic-sim", "gemini-sim", "mistral-sim", "ollama-sim"}) {
            assertThat(simulator().calls(provider)).as(provider).isEmpty();
        }
    }

    @Test
    void should_refuse_other_methods_on_the_completion_endpoint() {
        // when
        HttpResponse<String> response = get("/api/v1/complete");

        // then
        assertThat(response.statusCode()).isEqualTo(405);
    }
}
