package dev.quorum.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestParserTest {

    private final RequestParser parser = new RequestParser(new ObjectMapper(), 20, Set.of("a", "b")::contains,
            EnumSet.of(Mode.SINGLE));

    private CompletionRequest parse(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void should_read_every_field_of_a_full_request() {
        // when
        CompletionRequest request = parse("""
                {"id":"r-1","prompt":"hi","system":"be brief","mode":"SINGLE","provider":"a","providers":["a","b"],
                 "maxTokens":12,"temperature":0.5,"tenant":"acme","task":"code","metadata":{"k":1}}""");

        // then
        assertThat(request.id()).isEqualTo("r-1");
        assertThat(request.prompt()).isEqualTo("hi");
        assertThat(request.system()).isEqualTo("be brief");
        assertThat(request.mode()).isEqualTo(Mode.SINGLE);
        assertThat(request.provider()).isEqualTo("a");
        assertThat(request.providers()).containsExactly("a", "b");
        assertThat(request.maxTokens()).isEqualTo(12);
        assertThat(request.temperature()).isEqualTo(0.5);
        assertThat(request.tenant()).isEqualTo("acme");
        assertThat(request.task()).isEqualTo("code");
        assertThat(request.metadata()).containsEntry("k", 1);
    }

    @Test
    void should_default_the_mode_and_generate_an_id() {
        // when
        CompletionRequest request = parse("{\"prompt\":\"hi\"}");

        // then
        assertThat(request.mode()).isEqualTo(Mode.SINGLE);
        assertThat(request.id()).hasSize(36);
        assertThat(parse("{\"prompt\":\"hi\"}").id()).isNotEqualTo(request.id());
    }

    @Test
    void should_count_the_limit_in_characters_inclusively() {
        // then
        assertThat(parse("{\"prompt\":\"" + "y".repeat(20) + "\"}").prompt()).hasSize(20);
        assertThatThrownBy(() -> parse("{\"prompt\":\"" + "y".repeat(21) + "\"}"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("21 characters; the limit is 20");
    }

    @Test
    void should_reject_a_fractional_or_huge_max_tokens() {
        // then
        assertThatThrownBy(() -> parse("{\"prompt\":\"hi\",\"maxTokens\":1.5}"))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).field()).isEqualTo("maxTokens"));
        assertThatThrownBy(() -> parse("{\"prompt\":\"hi\",\"maxTokens\":99999999999}"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("positive whole number");
    }

    @Test
    void should_name_the_unknown_provider_inside_a_panel() {
        // then
        assertThatThrownBy(() -> parse("{\"prompt\":\"hi\",\"providers\":[\"a\",\"zzz\"]}"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("'zzz'")
                .satisfies(e -> assertThat(((InvalidRequestException) e).field()).isEqualTo("providers"));
    }

    @Test
    void should_read_the_routing_fields() {
        // when
        CompletionRequest request = parse("""
                {"prompt":"hi","task":"Long-Context","priority":"COST","maxCostUsd":0.01,"maxLatencyMs":1500,
                 "capabilities":["code","json"]}""");

        // then
        assertThat(request.task()).isEqualTo("long-context");
        assertThat(request.priority()).isEqualTo("cost");
        assertThat(request.maxCostUsd()).isEqualTo(0.01);
        assertThat(request.maxLatencyMs()).isEqualTo(1500L);
        assertThat(request.capabilities()).containsExactly("code", "json");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            task         | {"prompt":"hi","task":"poetry"}                  | must be one of code, reasoning
            priority     | {"prompt":"hi","priority":"cheap"}               | must be one of cost, quality, latency, balanced
            priority     | {"prompt":"hi","priority":1}                     | must be a string
            maxCostUsd   | {"prompt":"hi","maxCostUsd":0}                   | positive number of US dollars
            maxCostUsd   | {"prompt":"hi","maxCostUsd":"1"}                 | positive number of US dollars
            maxLatencyMs | {"prompt":"hi","maxLatencyMs":2.5}               | positive whole number of milliseconds
            maxLatencyMs | {"prompt":"hi","maxLatencyMs":-1}                | positive whole number of milliseconds
            capabilities | {"prompt":"hi","capabilities":"code"}            | must be an array
            capabilities | {"prompt":"hi","capabilities":["code",7]}        | capability names as strings
            """)
    void should_reject_a_bad_routing_field_naming_it(String field, String json, String message) {
        // then
        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((InvalidRequestException) e).field()).isEqualTo(field));
    }
}
