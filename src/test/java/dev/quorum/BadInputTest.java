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
                Arguments.of("{\"prompt\": \"unterminated", null, "not valid JSON"),
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
                Arguments.of("{\"prompt\": \"hi\", \"metadata\": 3}", "metadata", "JSON object"));
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
    void should_refuse_other_methods_on_the_completion_endpoint() {
        // when
        HttpResponse<String> response = get("/api/v1/complete");

        // then
        assertThat(response.statusCode()).isEqualTo(405);
    }
}
